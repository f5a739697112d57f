/**
 * Public addresses of the project, in one place. They are placeholders until the repository is
 * published under its final name; changing them here changes every output that links to them
 * (SARIF helpUri and informationUri, the `$id` of the JSON Schemas under schemas/).
 */

/** The project's repository. */
export const REPOSITORY_URL = 'https://github.com/hefa-lint/hefa';

/** The README's 规则 section (the generated rule table), percent-encoded so it is a valid URI. */
export const RULES_HELP_URL = `${REPOSITORY_URL}#${encodeURIComponent('规则')}`;

/** Where the JSON Schemas of schemas/ are published (their `$id`). */
export const SCHEMA_BASE_URL = 'https://raw.githubusercontent.com/hefa-lint/hefa/main/schemas/';
