/** The output formats, apart from the formatters so the command tree loads without them. */
export type OutputFormat = 'table' | 'json' | 'yaml' | 'value';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'yaml', 'value'];
