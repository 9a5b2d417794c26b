import type { Command } from 'commander';

export function registerEvidenceCommands(_program: Command): void {}
