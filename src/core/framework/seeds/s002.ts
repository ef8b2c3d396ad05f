import type { FrameworkPart } from '../types.ts';

export const seed002: FrameworkPart = { nodes: [], relations: [] };
