import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// The only thing the screen gets from the preload: the typed bridge of shared/contract.
contextBridge.exposeInMainWorld('budget', createBridge(ipcRenderer));
