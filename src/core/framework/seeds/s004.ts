import type { FrameworkPart } from '../types.ts';

export const seed004: FrameworkPart = { nodes: [], relations: [] };
