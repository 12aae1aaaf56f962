import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge } from './bridge';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const bridge = connectBridge();
root.render(
  <StrictMode>
    {bridge ? (
      <App bridge={bridge} />
    ) : (
      <div className="fatal">未连接到工作簿。请使用“npm run web”启动时打印的完整地址打开本页（地址末尾带有 #token=…）。</div>
    )}
  </StrictMode>,
);
