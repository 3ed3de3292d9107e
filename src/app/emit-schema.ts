import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/paths';
import { printSortedSchema } from './schema';

const target = join(projectRoot, 'schema', 'schema.graphql');
writeFileSync(target, printSortedSchema());
console.log(`wrote ${target}`);
