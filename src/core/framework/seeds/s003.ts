import type { FrameworkPart } from '../types.ts';

export const seed003: FrameworkPart = { nodes: [], relations: [] };
