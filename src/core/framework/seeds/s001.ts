import type { FrameworkPart } from '../types.ts';

export const seed001: FrameworkPart = { nodes: [], relations: [] };
