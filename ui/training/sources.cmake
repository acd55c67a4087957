# Training monitor, controller and settings (issue 6). Paths relative to ui/.
list(APPEND STARLOCUS_UI_SOURCES
)
