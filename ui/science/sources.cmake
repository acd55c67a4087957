# Science views of the paper's Figs. 6-12, linked selection, figure export (issue 7).
# Paths relative to ui/.
list(APPEND STARLOCUS_UI_SOURCES
)
