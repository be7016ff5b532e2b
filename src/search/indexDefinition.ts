/**
 * The catalogue index: settings and mappings, identical in tests and production. Programs and
 * episodes share one index (discovery searches and facets across both), told apart by `type`.
 *
 * Only analysis components that both a full Elasticsearch (module analysis-common) and our dev/test
 * plugin (elasticsearch/analysis-plugin) provide are used, and none inside a normalizer (plugin
 * filters are not allowed there).
 */
import { createHash } from 'node:crypto'

import type { estypes } from '@elastic/elasticsearch'

import { LOCALES } from './locales'

/** Text longer than this is cut before indexing (an oversized transcript must not fail a sync). */
export const MAX_TEXT_LENGTH = 30_000

const analysis: estypes.IndicesIndexSettingsAnalysis = {
  filter: {
    autocomplete_edge: { type: 'edge_ngram', min_gram: 1, max_gram: 20 },
    arabic_stop: { type: 'stop', stopwords: '_arabic_' },
  },
  char_filter: {
    // Punctuation and runs of spaces become one space: "Deep Time!" and "deep  time" are one title.
    exact_punctuation: { type: 'pattern_replace', pattern: '[^\\p{L}\\p{N}]+', replacement: ' ' },
  },
  analyzer: {
    // A whole title as one token, case, accents and Arabic letter forms folded: the "exact title"
    // match that keeps a title first whatever else the query's words match.
    exact_en: {
      type: 'custom',
      tokenizer: 'keyword',
      char_filter: ['exact_punctuation'],
      filter: ['lowercase', 'asciifolding', 'trim'],
    },
    exact_ar: {
      type: 'custom',
      tokenizer: 'keyword',
      char_filter: ['exact_punctuation'],
      filter: ['lowercase', 'decimal_digit', 'arabic_normalization', 'trim'],
    },
    // Typeahead: every prefix of every word, accents folded (so "cafe" finds "Café").
    autocomplete_en: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'asciifolding', 'autocomplete_edge'],
    },
    autocomplete_en_search: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'asciifolding'],
    },
    // Arabic prefixes over normalised letters (alef/hamza forms, ta marbuta, diacritics unified),
    // light-stemmed first so the article and affixes do not hide a word: "تار" finds "التاريخ".
    autocomplete_ar: {
      type: 'custom',
      tokenizer: 'standard',
      filter: [
        'lowercase',
        'decimal_digit',
        'arabic_normalization',
        'arabic_stem',
        'autocomplete_edge',
      ],
    },
    autocomplete_ar_search: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'decimal_digit', 'arabic_normalization', 'arabic_stem'],
    },
    // Whole words as written (folded, unstemmed): the vocabulary for "did you mean".
    plain_en: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
    plain_ar: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'decimal_digit', 'arabic_normalization'],
    },
  },
  normalizer: {
    // Core's lowercase only: plugin filters cannot run in a normalizer.
    keyword_lowercase: { type: 'custom', filter: ['lowercase'] },
  },
}

/**
 * A localized text field: full-text in the locale's language, plus typeahead prefixes; with
 * `vocabulary`, its words also feed `vocabulary.<locale>` ("did you mean"). Fields discovery
 * highlights store offsets in their postings (`highlighted`): the highlighter then reads them
 * instead of re-analysing every hit's text, which was most of a search's cost.
 */
function localizedText({
  prefix,
  vocabulary = false,
  highlighted = false,
  exact = false,
}: {
  prefix: boolean
  vocabulary?: boolean
  highlighted?: boolean
  /** A `.exact` subfield: the whole value as one folded token. */
  exact?: boolean
}): estypes.MappingProperty {
  const offsets = highlighted ? { index_options: 'offsets' as const } : {}
  return {
    properties: Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        {
          type: 'text',
          analyzer: locale === 'ar' ? 'arabic' : 'english',
          ...offsets,
          ...(vocabulary ? { copy_to: `vocabulary.${locale}` } : {}),
          ...(prefix || exact
            ? {
                fields: {
                  ...(prefix
                    ? {
                        prefix: {
                          type: 'text',
                          analyzer: `autocomplete_${locale}`,
                          search_analyzer: `autocomplete_${locale}_search`,
                          ...offsets,
                        },
                      }
                    : {}),
                  ...(exact ? { exact: { type: 'text', analyzer: `exact_${locale}` } } : {}),
                },
              }
            : {}),
        } satisfies estypes.MappingProperty,
      ]),
    ),
  }
}

/** Category names: kept whole for display, and searchable as words in their language. */
const localizedName: estypes.MappingProperty = {
  properties: Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      {
        type: 'keyword',
        fields: { text: { type: 'text', analyzer: locale === 'ar' ? 'arabic' : 'english' } },
      } satisfies estypes.MappingProperty,
    ]),
  ),
}

export const catalogueMappings: estypes.MappingTypeMapping = {
  // A field the mappers do not know about is a bug: refuse it instead of guessing a type.
  dynamic: 'strict',
  properties: {
    type: { type: 'keyword' },
    docId: { type: 'integer' },
    slug: { type: 'keyword' },
    title: localizedText({ prefix: true, vocabulary: true, highlighted: true, exact: true }),
    summary: localizedText({ prefix: false, vocabulary: true, highlighted: true }),
    // Whole words of titles and summaries as written (folded, unstemmed): where "did you mean"
    // finds its corrections. Filled by copy_to, never part of _source.
    vocabulary: {
      properties: Object.fromEntries(
        LOCALES.map((locale) => [locale, { type: 'text', analyzer: `plain_${locale}` }]),
      ),
    },
    description: localizedText({ prefix: false, highlighted: true }),
    format: { type: 'keyword' },
    language: { type: 'keyword' },
    // Tags are written in either language: searchable as words through both analyzers.
    tags: {
      type: 'keyword',
      normalizer: 'keyword_lowercase',
      fields: {
        en: { type: 'text', analyzer: 'english' },
        ar: { type: 'text', analyzer: 'arabic' },
      },
    },
    // Format and language as words people type ("documentary", "وثائقي", "arabic"), from the
    // mappers' word lists: the index has no synonym filter, so the words are stored.
    labels: localizedText({ prefix: false }),
    categories: {
      properties: {
        slug: { type: 'keyword' },
        name: localizedName,
      },
    },
    program: {
      properties: {
        id: { type: 'keyword' },
        docId: { type: 'integer' },
        slug: { type: 'keyword' },
        title: localizedText({ prefix: false, exact: true }),
      },
    },
    seasonNumber: { type: 'integer' },
    episodeNumber: { type: 'integer' },
    episodeCount: { type: 'integer' },
    durationSeconds: { type: 'integer' },
    explicit: { type: 'boolean' },
    publishedAt: { type: 'date' },
    updatedAt: { type: 'date' },
    featured: { type: 'boolean' },
    featuredRank: { type: 'integer' },
    featuredUntil: { type: 'date' },
    popularity: { type: 'float' },
    // Display-only data: stored in _source, not searchable.
    image: { type: 'object', enabled: false },
    media: { type: 'object', enabled: false },
  },
}

/**
 * Fingerprint of the definition, stored in each physical index's mapping `_meta`. Start-up compares
 * it with the live index and rebuilds (zero-downtime swap) when the code's definition has changed.
 */
export const catalogueDefinitionHash = createHash('sha256')
  .update(JSON.stringify({ mappings: catalogueMappings, analysis }))
  .digest('hex')
  .slice(0, 16)

export function catalogueSettings(): estypes.IndicesIndexSettings {
  return {
    number_of_shards: 1,
    number_of_replicas: 0,
    refresh_interval: '1s',
    // How long versioned deletes are remembered (default 60 s): a late, older write cannot
    // resurrect a deleted record within this window. Sync jobs also re-read the database.
    gc_deletes: '10m',
    analysis,
  }
}
