"""Analysis of a project's requirements: questions answered from outside data
(a Kano survey's answers) as plain records, and the operations that apply them.

Above the queries and the operations (it reads requirements and builds edits),
below storage and the Project; never Qt, export or the window.
"""
