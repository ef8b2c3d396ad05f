/** The indicator system as an editable tree: dimensions (nodes) and their indicators. */
import type { Spec, SpecIndicator, SpecNode } from '../../../core/measure/spec.ts';
import { loadFramework } from '../../../core/framework/model.ts';
import { useState } from 'preact/hooks';
import { useT } from '../hooks.ts';
import { editIndicator, editNode, editSpec, freshId } from '../spec-edit.ts';

const FW_KINDS = new Set([
  'system',
  'factor',
  'form',
  'level',
  'path',
  'main-category',
  'mechanism',
  'digital-economy-component',
  'characteristic',
  'outcome-feature',
  'practice-path',
]);

/** The framework nodes a dimension or indicator can stand for, per language (the framework does not change). */
const FRAMEWORK_OPTIONS = new Map<'zh' | 'en', Array<{ value: string; label: string }>>();

/** The options of a framework select: the linkable framework nodes, and `current` when it is another node. */
function frameworkOptions(lang: 'zh' | 'en', current?: string) {
  let options = FRAMEWORK_OPTIONS.get(lang);
  if (!options) {
    options = loadFramework()
      .nodes.filter((n) => FW_KINDS.has(n.kind))
      .map((n) => ({ value: n.id, label: `${n.name[lang]} (${n.id})` }));
    FRAMEWORK_OPTIONS.set(lang, options);
  }
  if (current === undefined || options.some((o) => o.value === current)) return options;
  const node = loadFramework().nodes.find((n) => n.id === current);
  return node ? [...options, { value: node.id, label: `${node.name[lang]} (${node.id})` }] : options;
}

/**
 * The framework node a dimension or indicator stands for (empty: none) and,
 * with given weights, its weight (empty or not a number: none). `label`
 * names a control for screen readers; `edit` applies a change after `ms`.
 */
function FrameworkAndWeight(props: {
  item: { framework?: string; weight?: number };
  label: (control: string) => string;
  given: boolean;
  edit: (patch: { framework?: string; weight?: number }, ms?: number) => void;
}) {
  const { t, lang } = useT();
  const { item, label, edit } = props;
  // the ~230 framework nodes are put in the list when the select is first pointed at or focused: 44 full
  // lists (a 40-indicator spec) were most of the tree's drawing time
  const [open, setOpen] = useState(false);
  const all = frameworkOptions(lang, item.framework);
  const shown = open ? all : all.filter((o) => o.value === item.framework);
  const openList = () => setOpen(true);
  return (
    <>
      <select
        class="framework"
        aria-label={label(t('frameworkNode'))}
        value={item.framework ?? ''}
        onFocus={openList}
        onPointerEnter={openList}
        onPointerDown={openList}
        onChange={(e) => edit({ framework: (e.currentTarget as HTMLSelectElement).value || undefined })}
      >
        <option value="">{t('none')}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.given && (
        <input
          type="number"
          min={0}
          step={0.01}
          aria-label={label(t('givenWeight'))}
          value={item.weight ?? ''}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            const v = Number(text);
            edit({ weight: Number.isFinite(v) && text !== '' ? v : undefined }, 400);
          }}
        />
      )}
    </>
  );
}

function IndicatorRow(props: { ind: SpecIndicator; spec: Spec; columns: string[]; given: boolean }) {
  const { t, lang } = useT();
  const i = props.ind;
  const nodes = props.spec.nodes ?? [];
  const nm = i.name?.[lang] ?? i.id;
  const lbl = (k: string) => `${k}: ${nm}`;
  return (
    <li class="ind-row" data-indicator={i.id}>
      <input
        class="name"
        aria-label={lbl(lang === 'zh' ? t('nameZh') : t('nameEn'))}
        value={nm}
        onInput={(e) =>
          editIndicator(
            i.id,
            { name: { ...(i.name ?? { zh: i.id, en: i.id }), [lang]: (e.currentTarget as HTMLInputElement).value } },
            600,
          )
        }
      />
      <select
        aria-label={lbl(t('dataColumn'))}
        value={i.column}
        onChange={(e) => editIndicator(i.id, { column: (e.currentTarget as HTMLSelectElement).value })}
      >
        {[...new Set([i.column, ...props.columns])].map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <select
        aria-label={lbl(t('direction'))}
        value={i.direction}
        onChange={(e) => editIndicator(i.id, { direction: (e.currentTarget as HTMLSelectElement).value as '+' | '-' })}
        data-testid={`dir-${i.id}`}
      >
        <option value="+">{t('positive')}</option>
        <option value="-">{t('negative')}</option>
      </select>
      <select
        aria-label={lbl(t('moveTo'))}
        value={i.parent ?? ''}
        onChange={(e) => editIndicator(i.id, { parent: (e.currentTarget as HTMLSelectElement).value || null })}
        data-testid={`parent-${i.id}`}
      >
        <option value="">{t('topLevel')}</option>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name?.[lang] ?? n.id}
          </option>
        ))}
      </select>
      <input
        class="unit"
        aria-label={lbl(t('measureUnit'))}
        placeholder={t('measureUnit')}
        value={i.unit ?? ''}
        onInput={(e) => editIndicator(i.id, { unit: (e.currentTarget as HTMLInputElement).value || undefined }, 600)}
      />
      <FrameworkAndWeight
        item={i}
        label={lbl}
        given={props.given}
        edit={(patch, ms) => editIndicator(i.id, patch, ms)}
      />
      <button
        type="button"
        class="small"
        aria-label={lbl(t('remove'))}
        onClick={() =>
          editSpec((s) => {
            s.indicators = s.indicators.filter((x) => x.id !== i.id);
          })
        }
      >
        ×
      </button>
    </li>
  );
}

function NodeBranch(props: { node: SpecNode; spec: Spec; columns: string[]; given: boolean }) {
  const { t, lang } = useT();
  const n = props.node;
  const kids = (props.spec.nodes ?? []).filter((x) => x.parent === n.id);
  const inds = props.spec.indicators.filter((x) => x.parent === n.id);
  const nm = n.name?.[lang] ?? n.id;
  const lbl = (k: string) => `${k}: ${nm}`;
  return (
    <li class="node-branch">
      <div class="node-row">
        <input
          class="name strong"
          aria-label={lbl(t('dimension'))}
          value={nm}
          onInput={(e) =>
            editNode(
              n.id,
              { name: { ...(n.name ?? { zh: n.id, en: n.id }), [lang]: (e.currentTarget as HTMLInputElement).value } },
              600,
            )
          }
        />
        <FrameworkAndWeight item={n} label={lbl} given={props.given} edit={(patch, ms) => editNode(n.id, patch, ms)} />
        <button
          type="button"
          class="small"
          aria-label={lbl(t('addIndicator'))}
          onClick={() =>
            editSpec((s) => {
              s.indicators.push({ id: freshId(s, 'x'), column: props.columns[0] ?? '', direction: '+', parent: n.id });
            })
          }
        >
          + {t('addIndicator')}
        </button>
        {kids.length === 0 && inds.length === 0 && (
          <button
            type="button"
            class="small"
            aria-label={lbl(t('remove'))}
            onClick={() =>
              editSpec((s) => {
                s.nodes = (s.nodes ?? []).filter((x) => x.id !== n.id);
              })
            }
          >
            ×
          </button>
        )}
      </div>
      <ul>
        {kids.map((k) => (
          <NodeBranch key={k.id} {...props} node={k} />
        ))}
        {inds.map((i) => (
          <IndicatorRow key={i.id} ind={i} spec={props.spec} columns={props.columns} given={props.given} />
        ))}
      </ul>
    </li>
  );
}

export function SpecTree(props: { spec: Spec; columns: string[] }) {
  const { t, lang } = useT();
  const w = props.spec.weights;
  const given = w.method === 'given' || (w.method === 'combined' && !!w.combine?.methods.includes('given'));
  const tops = (props.spec.nodes ?? []).filter((n) => !n.parent || n.parent === 'index');
  const loose = props.spec.indicators.filter((i) => !i.parent || i.parent === 'index');
  return (
    <div class="spec-tree" data-testid="spec-tree">
      <p class="strong">{props.spec.name?.[lang] ?? t('index')}</p>
      <ul>
        {tops.map((n) => (
          <NodeBranch key={n.id} node={n} spec={props.spec} columns={props.columns} given={given} />
        ))}
        {loose.map((i) => (
          <IndicatorRow key={i.id} ind={i} spec={props.spec} columns={props.columns} given={given} />
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          editSpec((s) => {
            const id = freshId(s, 'dim');
            (s.nodes ??= []).push({ id, parent: null, name: { zh: `维度 ${id}`, en: `Dimension ${id}` } });
          })
        }
      >
        + {t('addDimension')}
      </button>
    </div>
  );
}
