import * as migration_20261121_124211_initial from './20261121_124211_initial';
import * as migration_20261121_132554_search_sync from './20261121_132554_search_sync';

export const migrations = [
  {
    up: migration_20261121_124211_initial.up,
    down: migration_20261121_124211_initial.down,
    name: '20261121_124211_initial',
  },
  {
    up: migration_20261121_132554_search_sync.up,
    down: migration_20261121_132554_search_sync.down,
    name: '20261121_132554_search_sync'
  },
];
