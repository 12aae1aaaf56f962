import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogKind } from '../../../shared/core/catalog/catalog';
import { searchCatalog } from './lineCells';
import type { GridRow } from './gridRows';

export interface CodeEditorParams {
  kind: CatalogKind;
}

/**
 * The code cell's editor: the code as typed, and under it the catalog's leaf codes that start with
 * it or whose names contain it (`2120199` or `城乡社区`). ↑/↓ choose, Enter or a click takes the
 * choice. A search by name takes the first match unless another is chosen.
 */
export function CodeEditor(props: CustomCellEditorProps<GridRow, string> & CodeEditorParams) {
  const typed = props.eventKey && props.eventKey.length === 1 ? props.eventKey : (props.initialValue ?? '');
  const [query, setQuery] = useState(typed);
  const [chosen, setChosen] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => searchCatalog(props.kind, query, 30), [props.kind, query]);
  const byName = /\D/.test(query.trim());
  const active = chosen >= 0 ? chosen : byName && matches.length > 0 ? 0 : -1;

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    props.onValueChange(active >= 0 ? matches[active].code : query);
  }, [active, matches, query]);

  return (
    <div className="code-editor">
      <input
        ref={input}
        className="code-editor-input"
        value={query}
        aria-label="科目编码或名称"
        placeholder="输入编码或名称搜索"
        onChange={(e) => {
          setQuery(e.target.value);
          setChosen(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            setChosen(Math.min(active + 1, matches.length - 1));
            e.preventDefault();
          } else if (e.key === 'ArrowUp') {
            setChosen(Math.max(active - 1, -1));
            e.preventDefault();
          }
        }}
      />
      <ul className="code-editor-list" role="listbox">
        {matches.length === 0 && <li className="code-editor-empty">科目表中没有匹配的末级科目</li>}
        {matches.map((m, i) => (
          <li
            key={m.code}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              props.onValueChange(m.code);
              setChosen(i);
              setTimeout(() => props.stopEditing(), 0);
            }}
          >
            <span className="code">{m.code}</span>
            <span className="name">{m.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
