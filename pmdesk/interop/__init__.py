"""Requirements in and out of other tools' formats: CSV, Excel (.xlsx), Jira's CSV
export and ReqIF. Beside `export` and on top of core: every format is read into one
neutral table of incoming rows, mapped onto pmdesk's fields, planned against the
project (what is created, what is updated, what is wrong, row by row) and only then
applied, as one core operation (one undo step) or as a new project file."""
