# Configuration for the qapidoc sample site.
#
# qapidoc reads this file without running Python: only literal assignments count.

project = 'Harbor'
copyright = '2026, the Harbor authors (a fictional product)'
version = '2.1'
release = '2.1.0'

root_doc = 'index'
default_role = 'any'
highlight_language = 'default'
html_theme = 'default'

# Used by the qapi domain (next step of qapidoc); harmless here.
qapi_namespaces = {'HMP'}
qapi_allowed_fields = {'see also'}

exclude_patterns = ['_snippets/*']
