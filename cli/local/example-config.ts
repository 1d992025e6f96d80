import path from 'node:path';
import { packageRoot } from '../../package-root';

/** The bundled example's config (its data is generated on first use): the default of `run` and `trigger`. */
export const exampleConfig = path.join(packageRoot(), 'examples', 'medical-specialty', 'pipeline.json');
