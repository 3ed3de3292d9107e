import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/paths';
import { printSortedSchema } from './build-schema';

const target = join(projectRoot, 'schema', 'schema.graphql');
writeFileSync(target, printSortedSchema());
console.log(`wrote ${target}`);
