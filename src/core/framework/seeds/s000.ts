import type { FrameworkPart } from '../types.ts';

export const seed000: FrameworkPart = { nodes: [], relations: [] };
