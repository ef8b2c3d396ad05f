/** The framework's `contains` hierarchy as an expandable tree (native <details>, keyboard accessible). */
import type { FrameworkModel, FrameworkNode } from '../../../core/framework/types.ts';
import { children } from '../../../core/framework/query.ts';
import { primaryParent } from '../../../core/framework/render.ts';
import { useT } from '../hooks.ts';

function Branch(props: {
  model: FrameworkModel;
  node: FrameworkNode;
  depth: number;
  selected?: string;
  onSelect: (id: string) => void;
  open: Set<string>;
}) {
  const { lang } = useT();
  const kids = children(props.model, props.node.id).filter((c) => primaryParent(props.model, c.id) === props.node.id);
  const label = (
    <button
      type="button"
      class={`link node-btn ${props.selected === props.node.id ? 'sel' : ''}`}
      onClick={(e) => {
        e.preventDefault();
        props.onSelect(props.node.id);
      }}
      data-node={props.node.id}
    >
      {props.node.name[lang]}
    </button>
  );
  if (!kids.length) return <li>{label}</li>;
  return (
    <li>
      <details open={props.depth < 1 || props.open.has(props.node.id)}>
        <summary>
          {label} <span class="muted small">({kids.length})</span>
        </summary>
        <ul>
          {kids.map((k) => (
            <Branch key={k.id} {...props} node={k} depth={props.depth + 1} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function FrameworkTree(props: {
  model: FrameworkModel;
  roots: FrameworkNode[];
  selected?: string;
  onSelect: (id: string) => void;
  open: Set<string>;
  label: string;
}) {
  return (
    <div class="fw-tree" role="region" aria-label={props.label} data-testid="framework-tree">
      <ul>
        {props.roots.map((r) => (
          <Branch
            key={r.id}
            model={props.model}
            node={r}
            depth={0}
            selected={props.selected}
            onSelect={props.onSelect}
            open={props.open}
          />
        ))}
      </ul>
    </div>
  );
}
