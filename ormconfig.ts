import 'reflect-metadata';
import { createDataSource } from './src/db/data-source';

/** The TypeORM CLI's DataSource (`npm run typeorm -- migration:show`), built by the app's own factory. */
export default createDataSource(process.env.DATABASE_URL);
