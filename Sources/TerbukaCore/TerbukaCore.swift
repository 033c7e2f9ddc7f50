// TerbukaCore: the pipeline that turns a site folder into a published site, in named
// stages, one folder each, data flowing forward only:
//
//   Load      files under content/ (and nothing outside it)
//   Parse     bytes into text, YAML, Markdown and table records (CSV, Excel)
//   Validate  records into the typed Model, every problem a Diagnostic at its cause
//   Compute   the Model into decisions: rankings, statuses, statistics, what is current
//   Render    decisions into pages and data files through the theme; formatting only
//   Write     the staged output, its hashes and archive, swapped in whole
//
// Model, Diagnostics and Common (routes, text encodings) are used by every stage;
// Pipeline/SiteBuilder runs the stages, Verify and Import and Scaffold are the other
// commands' work.
//
// It owns every rule and every output format. It must not print, read the terminal,
// exit the process or open a network connection: it reports through Diagnostics and
// BuildReport and leaves talking to people to the command-line tool.
