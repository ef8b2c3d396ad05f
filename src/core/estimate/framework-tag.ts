/**
 * A mediator or moderator tagged with the framework node it stands for (a
 * path, mechanism, effect or factor of the seeds, `"framework": "<node id>"`
 * in the model file): the id is checked against the framework, and the
 * results carry the node's name, kind and citations so the table can say
 * which seed and section the test speaks to.
 *
 * @example frameworkTag('s000.path.quality-efficiency').name.en
 */
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { citationText } from '../framework/seed-papers.ts';
import { loadFramework } from '../framework/model.ts';
import { getNode } from '../framework/query.ts';
import { closestName } from '../panel/problems.ts';

export interface FrameworkTag {
  id: string;
  kind: string;
  name: Bilingual;
  /** The seed sections that support the node, as references. */
  cites: Bilingual[];
}

export function frameworkTag(id: string, field = 'framework'): FrameworkTag {
  const model = loadFramework();
  const node = getNode(model, id);
  if (!node) {
    const near = closestName(
      id,
      model.nodes.map((n) => n.id),
    );
    throw new XinzhiError({
      code: 'estimate-framework',
      severity: 'error',
      column: field,
      message: bi(`框架中没有节点 "${id}"`, `the framework has no node "${id}"`),
      fix: near
        ? bi(
            `是否指 "${near}"？可用 xinzhi framework search 查找`,
            `did you mean "${near}"? Find ids with xinzhi framework search`,
          )
        : bi('用 xinzhi framework search 查找节点 id', 'find node ids with xinzhi framework search'),
    });
  }
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    cites: node.cite.map((c) => bi(citationText(c, 'zh'), citationText(c, 'en'))),
  };
}
