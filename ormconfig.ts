import 'reflect-metadata';
import { createAppDataSource } from './src/app/persistence';

/** The TypeORM CLI's DataSource (`npm run typeorm -- migration:show`), built by the app's own factory. */
export default createAppDataSource(process.env.DATABASE_URL);
