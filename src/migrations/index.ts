import * as migration_20261121_124211_initial from './20261121_124211_initial';
import * as migration_20261121_132554_search_sync from './20261121_132554_search_sync';
import * as migration_20261121_135006_admin_search from './20261121_135006_admin_search';
import * as migration_20261121_135545_locale_parent_indexes from './20261121_135545_locale_parent_indexes';
import * as migration_20261121_162818_ingest_sources from './20261121_162818_ingest_sources';
import * as migration_20261121_175747_media_storage from './20261121_175747_media_storage';
import * as migration_20261121_182010_media_source_url from './20261121_182010_media_source_url';
import * as migration_20261202_143058_search_insights from './20261202_143058_search_insights';
import * as migration_20261202_151058_search_rules from './20261202_151058_search_rules';
import * as migration_20261202_151143_episode_podcasting from './20261202_151143_episode_podcasting';

export const migrations = [
  {
    up: migration_20261121_124211_initial.up,
    down: migration_20261121_124211_initial.down,
    name: '20261121_124211_initial',
  },
  {
    up: migration_20261121_132554_search_sync.up,
    down: migration_20261121_132554_search_sync.down,
    name: '20261121_132554_search_sync',
  },
  {
    up: migration_20261121_135006_admin_search.up,
    down: migration_20261121_135006_admin_search.down,
    name: '20261121_135006_admin_search',
  },
  {
    up: migration_20261121_135545_locale_parent_indexes.up,
    down: migration_20261121_135545_locale_parent_indexes.down,
    name: '20261121_135545_locale_parent_indexes',
  },
  {
    up: migration_20261121_162818_ingest_sources.up,
    down: migration_20261121_162818_ingest_sources.down,
    name: '20261121_162818_ingest_sources',
  },
  {
    up: migration_20261121_175747_media_storage.up,
    down: migration_20261121_175747_media_storage.down,
    name: '20261121_175747_media_storage',
  },
  {
    up: migration_20261121_182010_media_source_url.up,
    down: migration_20261121_182010_media_source_url.down,
    name: '20261121_182010_media_source_url',
  },
  {
    up: migration_20261202_143058_search_insights.up,
    down: migration_20261202_143058_search_insights.down,
    name: '20261202_143058_search_insights',
  },
  {
    up: migration_20261202_151058_search_rules.up,
    down: migration_20261202_151058_search_rules.down,
    name: '20261202_151058_search_rules',
  },
  {
    up: migration_20261202_151143_episode_podcasting.up,
    down: migration_20261202_151143_episode_podcasting.down,
    name: '20261202_151143_episode_podcasting'
  },
];
