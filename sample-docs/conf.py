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

# The qapi domain: one QAPI index page per namespace, extra field names allowed
# without warning, and how the qapi-doc directive writes its reST (schema paths
# are relative to qapidoc_srctree, itself relative to this folder).
qapi_namespaces = {'HMP'}
qapi_allowed_fields = {'see also'}
qapidoc_srctree = '.'
qapidoc_dialect = 'extended'
# Upstream QEMU's name splitting: TOC entries and the HMP index show bare names.
qapi_split_module = True

exclude_patterns = ['_snippets/*']
