<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AcceptanceEditor</name>
    <message>
        <source>No acceptance criteria yet</source>
        <translation>No acceptance criteria yet</translation>
    </message>
    <message>
        <source>Add a criterion</source>
        <translation>Add a criterion</translation>
    </message>
    <message>
        <source>Remove the selected criterion</source>
        <translation>Remove the selected criterion</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>Backlog</name>
    <message>
        <source>QT_COLLATION_LOCALE</source>
        <translation>QT_COLLATION_LOCALE</translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>Top level</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>No lane</source>
        <translation>No lane</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>No value</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>No persona</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reach</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Effort</translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation>RICE score</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>By %1</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Set %1</translation>
    </message>
</context>
<context>
    <name>BacklogPane</name>
    <message>
        <source>No grouping</source>
        <translation>No grouping</translation>
    </message>
    <message>
        <source>By parent</source>
        <translation>By parent</translation>
    </message>
    <message>
        <source>By release</source>
        <translation>By release</translation>
    </message>
    <message>
        <source>By lane</source>
        <translation>By lane</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>By owner</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>By priority</source>
        <translation>By priority</translation>
    </message>
    <message>
        <source>By persona</source>
        <translation>By persona</translation>
    </message>
    <message>
        <source>Group the rows by a field</source>
        <translation>Group the rows by a field</translation>
    </message>
    <message>
        <source>Edit Selected…</source>
        <translation>Edit Selected…</translation>
    </message>
    <message>
        <source>Set the release, priority, status, owner, lane or tags of every selected row</source>
        <translation>Set the release, priority, status, owner, lane or tags of every selected row</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>&amp;Edit Selected Requirements…</source>
        <translation>&amp;Edit Selected Requirements…</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s)</source>
        <translation>
            <numerusform>%n requirement</numerusform>
            <numerusform>%n requirements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n requirement(s)</source>
        <translation>
            <numerusform>%1 of %n requirement</numerusform>
            <numerusform>%1 of %n requirements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Set &amp;Priority</source>
        <translation>Set &amp;Priority</translation>
    </message>
    <message>
        <source>Set &amp;Status</source>
        <translation>Set &amp;Status</translation>
    </message>
    <message>
        <source>Set &amp;Release</source>
        <translation>Set &amp;Release</translation>
    </message>
    <message>
        <source>Set &amp;Lane</source>
        <translation>Set &amp;Lane</translation>
    </message>
</context>
<context>
    <name>BacklogView</name>
    <message>
        <source>Original Order</source>
        <translation>Original Order</translation>
    </message>
    <message>
        <source>Rows in the tree's order, not sorted</source>
        <translation>Rows in the tree's order, not sorted</translation>
    </message>
    <message>
        <source>Default Columns</source>
        <translation>Default Columns</translation>
    </message>
</context>
<context>
    <name>BaselinesDialog</name>
    <message>
        <source>Baselines</source>
        <translation>Baselines</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>New Baseline…</source>
        <translation>New Baseline…</translation>
    </message>
    <message>
        <source>Keep the project as it is now under a name</source>
        <translation>Keep the project as it is now under a name</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Compare with Current</source>
        <translation>Compare with Current</translation>
    </message>
    <message>
        <source>Show what changed in the requirements since the selected baseline</source>
        <translation>Show what changed in the requirements since the selected baseline</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>In the baseline</source>
        <translation>In the baseline</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Create baseline “%1”</source>
        <translation>Create baseline “%1”</translation>
    </message>
    <message>
        <source>Rename baseline “%1”</source>
        <translation>Rename baseline “%1”</translation>
    </message>
    <message>
        <source>Delete baseline “%1”</source>
        <translation>Delete baseline “%1”</translation>
    </message>
    <message>
        <source>No baselines yet.

A baseline keeps the project as it is at a moment you name, such as the version sent for review, so that you can see later what changed since. Exports can list those changes and build the PRD's revision history from the baselines.</source>
        <translation>No baselines yet.

A baseline keeps the project as it is at a moment you name, such as the version sent for review, so that you can see later what changed since. Exports can list those changes and build the PRD's revision history from the baselines.</translation>
    </message>
    <message>
        <source>Select a baseline to see what changed since.</source>
        <translation>Select a baseline to see what changed since.</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed</source>
        <translation>%1 added, %2 changed, %3 removed</translation>
    </message>
    <message>
        <source>Since “%1” (%2, %3): %4</source>
        <translation>Since “%1” (%2, %3): %4</translation>
    </message>
    <message>
        <source>No requirement changed since this baseline.</source>
        <translation>No requirement changed since this baseline.</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>Added (%1)</translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation>Removed (%1)</translation>
    </message>
    <message>
        <source>Changed (%1)</source>
        <translation>Changed (%1)</translation>
    </message>
    <message>
        <source>%1 is no longer in the project.</source>
        <translation>%1 is no longer in the project.</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(top level)</translation>
    </message>
</context>
<context>
    <name>BoardPane</name>
    <message>
        <source>Releases</source>
        <translation>Releases</translation>
    </message>
    <message>
        <source>Drop cards on a release to move them into it. Rejected requirements are not on the board (nor in these counts).</source>
        <translation>Drop cards on a release to move them into it. Rejected requirements are not on the board (nor in these counts).</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>The Musts alone exceed this release's capacity</source>
        <translation>The Musts alone exceed this release's capacity</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) not planned</source>
        <translation>
            <numerusform>%n requirement not planned</numerusform>
            <numerusform>%n requirements not planned</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The Musts alone need %1 person-days: more than the capacity of %2.</source>
        <translation>⚠ The Musts alone need %1 person-days: more than the capacity of %2.</translation>
    </message>
    <message>
        <source>%1 person-days planned · capacity not set</source>
        <translation>%1 person-days planned · capacity not set</translation>
    </message>
    <message>
        <source>%1 of %2 person-days planned · Musts %3</source>
        <translation>%1 of %2 person-days planned · Musts %3</translation>
    </message>
    <message>
        <source> · %1 without effort</source>
        <translation> · %1 without effort</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>Move to &amp;Release</source>
        <translation>Move to &amp;Release</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>Show &amp;Details</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>%1 pm</source>
        <translation>%1 pm</translation>
    </message>
    <message>
        <source>MoSCoW board</source>
        <translation>MoSCoW board</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) · %1 person-days</source>
        <translation>
            <numerusform>%n card · %1 person-days</numerusform>
            <numerusform>%n cards · %1 person-days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Edit Selected Requirements</source>
        <translation>Edit Selected Requirements</translation>
    </message>
    <message numerus="yes">
        <source>Change %n selected requirement(s):</source>
        <translation>
            <numerusform>Change %n selected requirement:</numerusform>
            <numerusform>Change %n selected requirements:</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a value</source>
        <translation>Choose a value</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Field:</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>Add tags</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>Remove tags</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. mobile, MVP</source>
        <translation>Comma-separated, e.g. mobile, MVP</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change Log</source>
        <translation>Change Log</translation>
    </message>
    <message>
        <source>Key, title or value</source>
        <translation>Key, title or value</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>No changes match these filters.</source>
        <translation>No changes match these filters.</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
</context>
<context>
    <name>ChoiceButton</name>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>%1 also changed %n thing(s) you changed. Choose which version to keep.</source>
        <translation>
            <numerusform>%1 also changed %n thing you changed. Choose which version to keep.</numerusform>
            <numerusform>%1 also changed %n things you changed. Choose which version to keep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>A colleague</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Kept, and used by new content</source>
        <translation>Kept, and used by new content</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Changed: %1</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>No persona</translation>
    </message>
    <message>
        <source>No lane</source>
        <translation>No lane</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>No picture</translation>
    </message>
    <message>
        <source>Picture, %1 KB</source>
        <translation>Picture, %1 KB</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>No dates</source>
        <translation>No dates</translation>
    </message>
    <message>
        <source>At the top level</source>
        <translation>At the top level</translation>
    </message>
    <message>
        <source>Under %1</source>
        <translation>Under %1</translation>
    </message>
    <message>
        <source>%1, place %2 of %3</source>
        <translation>%1, place %2 of %3</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reach</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Effort</translation>
    </message>
    <message>
        <source>No RICE inputs</source>
        <translation>No RICE inputs</translation>
    </message>
    <message>
        <source>%1: %2 (was %3)</source>
        <translation>%1: %2 (was %3)</translation>
    </message>
    <message>
        <source>Added under it or linked to it:</source>
        <translation>Added under it or linked to it:</translation>
    </message>
    <message>
        <source>Nothing in it was changed, but new content refers to it (a child, a link).</source>
        <translation>Nothing in it was changed, but new content refers to it (a child, a link).</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>You deleted %1; %2 changed its %3.</source>
        <translation>You deleted %1; %2 changed its %3.</translation>
    </message>
    <message>
        <source>You deleted %1; %2 added something that refers to it.</source>
        <translation>You deleted %1; %2 added something that refers to it.</translation>
    </message>
    <message>
        <source>%2 deleted %1; you changed its %3.</source>
        <translation>%2 deleted %1; you changed its %3.</translation>
    </message>
    <message>
        <source>%2 deleted %1; you added something that refers to it.</source>
        <translation>%2 deleted %1; you added something that refers to it.</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>Delete it</translation>
    </message>
    <message>
        <source>Keep their version</source>
        <translation>Keep their version</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Theirs (%1)</source>
        <translation>Theirs (%1)</translation>
    </message>
    <message>
        <source>Choose between your changes and theirs</source>
        <translation>Choose between your changes and theirs</translation>
    </message>
    <message>
        <source>Everything else was merged automatically. The merge is one step you can undo.</source>
        <translation>Everything else was merged automatically. The merge is one step you can undo.</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Yours</translation>
    </message>
    <message>
        <source>Alt+M or 1</source>
        <translation>Alt+M or 1</translation>
    </message>
    <message>
        <source>Alt+T or 2</source>
        <translation>Alt+T or 2</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Type a value of your own (Alt+E or F2)</source>
        <translation>Type a value of your own (Alt+E or F2)</translation>
    </message>
    <message>
        <source>1 or Alt+M: yours · 2 or Alt+T: theirs · F2: edit · ↑↓: next conflict</source>
        <translation>1 or Alt+M: yours · 2 or Alt+T: theirs · F2: edit · ↑↓: next conflict</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Keep all mine</translation>
    </message>
    <message>
        <source>Take all theirs</source>
        <translation>Take all theirs</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Where the two versions differ, both are included: yours first, then theirs. Keep what you want and delete the rest.</source>
        <translation>Where the two versions differ, both are included: yours first, then theirs. Keep what you want and delete the rest.</translation>
    </message>
    <message>
        <source>%1 of %2 chosen</source>
        <translation>%1 of %2 chosen</translation>
    </message>
    <message>
        <source>All %1 chosen</source>
        <translation>All %1 chosen</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Before: %1</translation>
    </message>
    <message>
        <source>Your edit: %1</source>
        <translation>Your edit: %1</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>Edit the value</source>
        <translation>Edit the value</translation>
    </message>
</context>
<context>
    <name>CoreError</name>
    <message>
        <source>{path} is a folder, not a pmdesk project.</source>
        <translation>{path} is a folder, not a pmdesk project.</translation>
    </message>
    <message>
        <source>{path} is not a regular file, so not a pmdesk project.</source>
        <translation>{path} is not a regular file, so not a pmdesk project.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} does not exist.</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation>{path} cannot be read: permission denied.</translation>
    </message>
    <message>
        <source>{path} cannot be read: it is a symbolic link that leads back to itself.</source>
        <translation>{path} cannot be read: it is a symbolic link that leads back to itself.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>{path} cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>{name} is empty, so it is not a pmdesk project.</source>
        <translation>{name} is empty, so it is not a pmdesk project.</translation>
    </message>
    <message>
        <source>{name} is a text file, not a pmdesk project.</source>
        <translation>{name} is a text file, not a pmdesk project.</translation>
    </message>
    <message>
        <source>{name} is not a pmdesk project (it is not a database at all).</source>
        <translation>{name} is not a pmdesk project (it is not a database at all).</translation>
    </message>
    <message>
        <source>{name} is damaged: the file is cut short.</source>
        <translation>{name} is damaged: the file is cut short.</translation>
    </message>
    <message>
        <source>{name} is a database of another application, not a pmdesk project.</source>
        <translation>{name} is a database of another application, not a pmdesk project.</translation>
    </message>
    <message>
        <source>{name} was saved by a newer pmdesk (file format {version}; this version reads up to {supported}): please update pmdesk to open it.</source>
        <translation>{name} was saved by a newer pmdesk (file format {version}; this version reads up to {supported}): please update pmdesk to open it.</translation>
    </message>
    <message>
        <source>{name} is damaged: it has no schema version.</source>
        <translation>{name} is damaged: it has no schema version.</translation>
    </message>
    <message>
        <source>{name} cannot be opened: {detail}.</source>
        <translation>{name} cannot be opened: {detail}.</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read.</source>
        <translation>{name} is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read: its table {table} is missing.</source>
        <translation>{name} is damaged and cannot be read: its table {table} is missing.</translation>
    </message>
    <message>
        <source>Cannot copy {name}: {detail}.</source>
        <translation>Cannot copy {name}: {detail}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>Cannot write {path}: the folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {folder} is not a folder.</source>
        <translation>Cannot write {path}: {folder} is not a folder.</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>Cannot write {path}: it is a folder.</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is not a regular file.</source>
        <translation>Cannot write {path}: it is not a regular file.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Cannot write {path}: {reason}.</translation>
    </message>
    <message>
        <source>{name} is write-protected, so pmdesk leaves it as it is: make it writable first, or write another file.</source>
        <translation>{name} is write-protected, so pmdesk leaves it as it is: make it writable first, or write another file.</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a symbolic link that leads back to itself.</source>
        <translation>Cannot write {path}: it is a symbolic link that leads back to itself.</translation>
    </message>
    <message>
        <source>Cannot write {path}: the new file is inconsistent.</source>
        <translation>Cannot write {path}: the new file is inconsistent.</translation>
    </message>
    <message>
        <source>{name} is already open in another pmdesk window (process {pid}).</source>
        <translation>{name} is already open in another pmdesk window (process {pid}).</translation>
    </message>
    <message>
        <source>{name} is open in another pmdesk window.</source>
        <translation>{name} is open in another pmdesk window.</translation>
    </message>
    <message>
        <source>{name} is opened by {user} on {host} since {time}.</source>
        <translation>{name} is opened by {user} on {host} since {time}.</translation>
    </message>
    <message>
        <source>{name} is locked by someone pmdesk cannot name: its lock file {lock} cannot be read.</source>
        <translation>{name} is locked by someone pmdesk cannot name: its lock file {lock} cannot be read.</translation>
    </message>
    <message>
        <source>{name} is locked by someone pmdesk cannot name: its lock file {lock} is a symbolic link that leads back to itself.</source>
        <translation>{name} is locked by someone pmdesk cannot name: its lock file {lock} is a symbolic link that leads back to itself.</translation>
    </message>
    <message>
        <source>{name} is open read-only, so the change was not made. Save As makes a copy you can edit.</source>
        <translation>{name} is open read-only, so the change was not made. Save As makes a copy you can edit.</translation>
    </message>
    <message>
        <source>{name} has {count} unsaved edits from an earlier session that ended without saving; recover or discard them first.</source>
        <translation>{name} has {count} unsaved edits from an earlier session that ended without saving; recover or discard them first.</translation>
    </message>
    <message>
        <source>{name} has an unsaved edit from an earlier session that ended without saving; recover or discard it first.</source>
        <translation>{name} has an unsaved edit from an earlier session that ended without saving; recover or discard it first.</translation>
    </message>
    <message>
        <source>The unsaved work for {name} is no longer there.</source>
        <translation>The unsaved work for {name} is no longer there.</translation>
    </message>
    <message>
        <source>{name} was changed by someone else since you opened it; it was not overwritten.</source>
        <translation>{name} was changed by someone else since you opened it; it was not overwritten.</translation>
    </message>
    <message>
        <source>Not saved: the copy failed its integrity check ({detail}); {name} was left as it was.</source>
        <translation>Not saved: the copy failed its integrity check ({detail}); {name} was left as it was.</translation>
    </message>
    <message>
        <source>{name} is being saved by someone else right now; it was not overwritten. Try again in a moment.</source>
        <translation>{name} is being saved by someone else right now; it was not overwritten. Try again in a moment.</translation>
    </message>
    <message>
        <source>Cannot open {name}: the disk holding your pmdesk data folder ({folder}) is full.</source>
        <translation>Cannot open {name}: the disk holding your pmdesk data folder ({folder}) is full.</translation>
    </message>
    <message>
        <source>Cannot open {name}: pmdesk cannot write its data folder ({folder}): {reason}.</source>
        <translation>Cannot open {name}: pmdesk cannot write its data folder ({folder}): {reason}.</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full.</source>
        <translation>The disk holding {folder} is full.</translation>
    </message>
    <message>
        <source>Cannot create a new project: the disk holding your pmdesk data folder ({folder}) is full.</source>
        <translation>Cannot create a new project: the disk holding your pmdesk data folder ({folder}) is full.</translation>
    </message>
    <message>
        <source>Not saved: the disk that holds pmdesk's data folder ({folder}) is full; {name} was left as it was and your edits are kept. Free some space there and save again.</source>
        <translation>Not saved: the disk that holds pmdesk's data folder ({folder}) is full; {name} was left as it was and your edits are kept. Free some space there and save again.</translation>
    </message>
    <message>
        <source>Not saved: pmdesk cannot write in its data folder {folder} ({reason}); {name} was left as it was and your edits are kept.</source>
        <translation>Not saved: pmdesk cannot write in its data folder {folder} ({reason}); {name} was left as it was and your edits are kept.</translation>
    </message>
    <message>
        <source>Not saved: the disk holding {folder} is full; {name} was left as it was and your edits are kept. Free some space there and save again.</source>
        <translation>Not saved: the disk holding {folder} is full; {name} was left as it was and your edits are kept. Free some space there and save again.</translation>
    </message>
    <message>
        <source>{name} had been replaced by an older copy; your version, with everything in it, is saved again.</source>
        <translation>{name} had been replaced by an older copy; your version, with everything in it, is saved again.</translation>
    </message>
    <message>
        <source>Not saved: {name} in {folder} has been replaced by a damaged file, which holds nothing to merge; your edits are kept: save them elsewhere with Save As, or save again to put your version in its place.</source>
        <translation>Not saved: {name} in {folder} has been replaced by a damaged file, which holds nothing to merge; your edits are kept: save them elsewhere with Save As, or save again to put your version in its place.</translation>
    </message>
    <message>
        <source>Not saved: {name} in {folder} has been replaced by a database of another application; your edits are kept: save them elsewhere with Save As, or save again to put your version in its place.</source>
        <translation>Not saved: {name} in {folder} has been replaced by a database of another application; your edits are kept: save them elsewhere with Save As, or save again to put your version in its place.</translation>
    </message>
    <message>
        <source>{name} in {folder} could not be read as a project; your version has been saved in its place.</source>
        <translation>{name} in {folder} could not be read as a project; your version has been saved in its place.</translation>
    </message>
    <message>
        <source>{name} is no longer in {folder}; your edits are kept.</source>
        <translation>{name} is no longer in {folder}; your edits are kept.</translation>
    </message>
    <message>
        <source>{name} was no longer in {folder}; your version has been saved there again.</source>
        <translation>{name} was no longer in {folder}; your version has been saved there again.</translation>
    </message>
    <message>
        <source>{names} are not copies of one project, so they cannot be merged.</source>
        <translation>{names} are not copies of one project, so they cannot be merged.</translation>
    </message>
    <message>
        <source>{name} now holds a different project, so it cannot be merged with yours; use Save As to keep your work.</source>
        <translation>{name} now holds a different project, so it cannot be merged with yours; use Save As to keep your work.</translation>
    </message>
    <message>
        <source>{name} holds nothing that is not in the project already.</source>
        <translation>{name} holds nothing that is not in the project already.</translation>
    </message>
    <message>
        <source>{base} is not the version both copies started from (it has changes that {other} lacks); give the copy as it was first shared.</source>
        <translation>{base} is not the version both copies started from (it has changes that {other} lacks); give the copy as it was first shared.</translation>
    </message>
    <message>
        <source>pmdesk cannot tell which version {name} was copied from (it keeps the versions opened or saved on this computer); merge it with pmdesk merge and the copy as sent.</source>
        <translation>pmdesk cannot tell which version {name} was copied from (it keeps the versions opened or saved on this computer); merge it with pmdesk merge and the copy as sent.</translation>
    </message>
    <message>
        <source>The merge no longer fits the project (it was edited meanwhile); try again.</source>
        <translation>The merge no longer fits the project (it was edited meanwhile); try again.</translation>
    </message>
    <message>
        <source>{count} conflicting changes need a decision before {name} can be saved.</source>
        <translation>{count} conflicting changes need a decision before {name} can be saved.</translation>
    </message>
    <message>
        <source>A conflicting change needs a decision before {name} can be saved.</source>
        <translation>A conflicting change needs a decision before {name} can be saved.</translation>
    </message>
    <message>
        <source>The change was refused by the project file ({detail}).</source>
        <translation>The change was refused by the project file ({detail}).</translation>
    </message>
    <message>
        <source>The change could not be written to {name}: {reason}.</source>
        <translation>The change could not be written to {name}: {reason}.</translation>
    </message>
    <message>
        <source>The change to {name} could not be written in your pmdesk data folder ({folder}): {reason}.</source>
        <translation>The change to {name} could not be written in your pmdesk data folder ({folder}): {reason}.</translation>
    </message>
    <message>
        <source>{name} takes text: {value} is not text.</source>
        <translation>{name} takes text: {value} is not text.</translation>
    </message>
    <message>
        <source>{name} takes a person's name on one line: {value} is not one.</source>
        <translation>{name} takes a person's name on one line: {value} is not one.</translation>
    </message>
    <message>
        <source>{name} takes a number: {value} is not a number.</source>
        <translation>{name} takes a number: {value} is not a number.</translation>
    </message>
    <message>
        <source>{name} takes a date like 2027-03-31: {value} is not one.</source>
        <translation>{name} takes a date like 2027-03-31: {value} is not one.</translation>
    </message>
    <message>
        <source>{name} takes one of its options ({options}): {value} is not one of them.</source>
        <translation>{name} takes one of its options ({options}): {value} is not one of them.</translation>
    </message>
    <message>
        <source>{name} takes a list of its options ({options}): {value} is not one.</source>
        <translation>{name} takes a list of its options ({options}): {value} is not one.</translation>
    </message>
    <message>
        <source>There is no custom field {uid} in this project.</source>
        <translation>There is no custom field {uid} in this project.</translation>
    </message>
    <message>
        <source>{name} holds values already: its kind cannot change from {old} to {new}.</source>
        <translation>{name} holds values already: its kind cannot change from {old} to {new}.</translation>
    </message>
    <message>
        <source>“{prefix}” cannot be a key prefix: use 1 to 10 letters or digits, starting with a letter.</source>
        <translation>“{prefix}” cannot be a key prefix: use 1 to 10 letters or digits, starting with a letter.</translation>
    </message>
    <message>
        <source>The requirements of a deleted release cannot move to that same release.</source>
        <translation>The requirements of a deleted release cannot move to that same release.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a CSV survey.</source>
        <translation>{path} is a folder, not a CSV survey.</translation>
    </message>
    <message>
        <source>{name} is an Excel workbook, not a CSV file: save it as CSV UTF-8 and import that.</source>
        <translation>{name} is an Excel workbook, not a CSV file: save it as CSV UTF-8 and import that.</translation>
    </message>
    <message>
        <source>{name} is empty: a survey needs a row of column titles and a row per respondent.</source>
        <translation>{name} is empty: a survey needs a row of column titles and a row per respondent.</translation>
    </message>
    <message>
        <source>{name} is not a text file, so it is not a CSV survey.</source>
        <translation>{name} is not a text file, so it is not a CSV survey.</translation>
    </message>
    <message>
        <source>{name} is not readable text: save it again as CSV UTF-8.</source>
        <translation>{name} is not readable text: save it again as CSV UTF-8.</translation>
    </message>
    <message>
        <source>{name} is neither UTF-8 nor GB18030 text (row {row}): save it again as CSV UTF-8.</source>
        <translation>{name} is neither UTF-8 nor GB18030 text (row {row}): save it again as CSV UTF-8.</translation>
    </message>
    <message>
        <source>{name} is not a valid CSV file ({detail}).</source>
        <translation>{name} is not a valid CSV file ({detail}).</translation>
    </message>
    <message>
        <source>{name} holds no Kano questions: no column title names a requirement key with “functional” or “dysfunctional” (功能型/正向, 反向/负向), and there are no requirement, functional and dysfunctional columns.</source>
        <translation>{name} holds no Kano questions: no column title names a requirement key with “functional” or “dysfunctional” (功能型/正向, 反向/负向), and there are no requirement, functional and dysfunctional columns.</translation>
    </message>
    <message>
        <source>{name} holds no answers: no respondent answered both questions of a requirement.</source>
        <translation>{name} holds no answers: no respondent answered both questions of a requirement.</translation>
    </message>
    <message>
        <source>{name}, column “{column}”: {key} is not a requirement of this project.</source>
        <translation>{name}, column “{column}”: {key} is not a requirement of this project.</translation>
    </message>
    <message>
        <source>{name}, row {row}, column “{column}”: {key} is not a requirement of this project.</source>
        <translation>{name}, row {row}, column “{column}”: {key} is not a requirement of this project.</translation>
    </message>
    <message>
        <source>{name}, row {row}, column “{column}”: “{value}” names no requirement key.</source>
        <translation>{name}, row {row}, column “{column}”: “{value}” names no requirement key.</translation>
    </message>
    <message>
        <source>{name}, column “{column}”: it names {key} but not whether it is the functional or the dysfunctional question.</source>
        <translation>{name}, column “{column}”: it names {key} but not whether it is the functional or the dysfunctional question.</translation>
    </message>
    <message>
        <source>{name}: {key} has a functional question (column “{column}”) but no dysfunctional one.</source>
        <translation>{name}: {key} has a functional question (column “{column}”) but no dysfunctional one.</translation>
    </message>
    <message>
        <source>{name}: {key} has a dysfunctional question (column “{column}”) but no functional one.</source>
        <translation>{name}: {key} has a dysfunctional question (column “{column}”) but no functional one.</translation>
    </message>
    <message>
        <source>{name}: {key} has two functional questions, columns “{first}” and “{second}”.</source>
        <translation>{name}: {key} has two functional questions, columns “{first}” and “{second}”.</translation>
    </message>
    <message>
        <source>{name}: {key} has two dysfunctional questions, columns “{first}” and “{second}”.</source>
        <translation>{name}: {key} has two dysfunctional questions, columns “{first}” and “{second}”.</translation>
    </message>
    <message>
        <source>{name}, row {row}, column “{column}”: “{value}” is not a Kano answer (I like it, It must be that way, I am neutral, I can live with it, I dislike it, or 1 to 5).</source>
        <translation>{name}, row {row}, column “{column}”: “{value}” is not a Kano answer (I like it, It must be that way, I am neutral, I can live with it, I dislike it, or 1 to 5).</translation>
    </message>
    <message>
        <source>{name}, row {row}: it has more cells than the {count} column titles.</source>
        <translation>{name}, row {row}: it has more cells than the {count} column titles.</translation>
    </message>
    <message>
        <source>{name}, row {row}: respondent {respondent} answered {key} already, in row {first}.</source>
        <translation>{name}, row {row}: respondent {respondent} answered {key} already, in row {first}.</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>the file is damaged</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>the file or its folder is read-only</translation>
    </message>
    <message>
        <source>the file or its folder cannot be reached</source>
        <translation>the file or its folder cannot be reached</translation>
    </message>
    <message>
        <source>the disk reported a read or write error</source>
        <translation>the disk reported a read or write error</translation>
    </message>
    <message>
        <source>another program is using the file</source>
        <translation>another program is using the file</translation>
    </message>
    <message>
        <source>The {entity} {field} is not valid: {detail}.</source>
        <translation>The {entity} {field} is not valid: {detail}.</translation>
    </message>
    <message>
        <source>The {entity} dates are not valid: {detail}.</source>
        <translation>The {entity} dates are not valid: {detail}.</translation>
    </message>
    <message>
        <source>The {entity} {uid} does not exist.</source>
        <translation>The {entity} {uid} does not exist.</translation>
    </message>
    <message>
        <source>The {entity} {uid} exists already.</source>
        <translation>The {entity} {uid} exists already.</translation>
    </message>
    <message>
        <source>A {entity} cannot be created.</source>
        <translation>A {entity} cannot be created.</translation>
    </message>
    <message>
        <source>The parent requirement {uid} does not exist.</source>
        <translation>The parent requirement {uid} does not exist.</translation>
    </message>
    <message>
        <source>A {entity} has no parent.</source>
        <translation>A {entity} has no parent.</translation>
    </message>
    <message>
        <source>A {entity} has no order to change.</source>
        <translation>A {entity} has no order to change.</translation>
    </message>
    <message>
        <source>Position {index} is not valid.</source>
        <translation>Position {index} is not valid.</translation>
    </message>
    <message>
        <source>A requirement cannot be moved into its own subtree.</source>
        <translation>A requirement cannot be moved into its own subtree.</translation>
    </message>
    <message>
        <source>The project itself cannot be deleted.</source>
        <translation>The project itself cannot be deleted.</translation>
    </message>
    <message>
        <source>A link needs a requirement at both ends.</source>
        <translation>A link needs a requirement at both ends.</translation>
    </message>
    <message>
        <source>A requirement cannot be linked to itself.</source>
        <translation>A requirement cannot be linked to itself.</translation>
    </message>
    <message>
        <source>These two requirements are already linked that way.</source>
        <translation>These two requirements are already linked that way.</translation>
    </message>
    <message>
        <source>{path} exists already; pass --replace to overwrite it.</source>
        <translation>{path} exists already; pass --replace to overwrite it.</translation>
    </message>
    <message>
        <source>{path} is a folder.</source>
        <translation>{path} is a folder.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a JSON snapshot.</source>
        <translation>{path} is a folder, not a JSON snapshot.</translation>
    </message>
    <message>
        <source>{path} is not a regular file, so not a JSON snapshot.</source>
        <translation>{path} is not a regular file, so not a JSON snapshot.</translation>
    </message>
    <message>
        <source>{name} is larger than 2 GB; it is not a snapshot.</source>
        <translation>{name} is larger than 2 GB; it is not a snapshot.</translation>
    </message>
    <message>
        <source>{name} is a database (maybe a pmdesk project), not a JSON snapshot.</source>
        <translation>{name} is a database (maybe a pmdesk project), not a JSON snapshot.</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text, so it is not a snapshot.</source>
        <translation>{name} is not UTF-8 text, so it is not a snapshot.</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (line {line}, column {column}), so it is not a snapshot.</source>
        <translation>{name} is not UTF-8 text (line {line}, column {column}), so it is not a snapshot.</translation>
    </message>
    <message>
        <source>{name} nests lists or objects more than {limit} levels deep (line {line}, column {column}), so it is not a snapshot.</source>
        <translation>{name} nests lists or objects more than {limit} levels deep (line {line}, column {column}), so it is not a snapshot.</translation>
    </message>
    <message>
        <source>{name} nests lists or objects more than {limit} levels deep, so it is not a snapshot.</source>
        <translation>{name} nests lists or objects more than {limit} levels deep, so it is not a snapshot.</translation>
    </message>
    <message>
        <source>{name} is not valid JSON (line {line}, column {column}: {detail}).</source>
        <translation>{name} is not valid JSON (line {line}, column {column}: {detail}).</translation>
    </message>
    <message>
        <source>This JSON is not a pmdesk snapshot (it has no pmdesk_snapshot field).</source>
        <translation>This JSON is not a pmdesk snapshot (it has no pmdesk_snapshot field).</translation>
    </message>
    <message>
        <source>The snapshot has format version {version}; this pmdesk reads version 1: please update pmdesk.</source>
        <translation>The snapshot has format version {version}; this pmdesk reads version 1: please update pmdesk.</translation>
    </message>
    <message>
        <source>pmdesk_snapshot: {version} is not a snapshot version.</source>
        <translation>pmdesk_snapshot: {version} is not a snapshot version.</translation>
    </message>
    <message>
        <source>{name} is a project file name; give the export another name.</source>
        <translation>{name} is a project file name; give the export another name.</translation>
    </message>
    <message>
        <source>{path} is a database, maybe a project; give the export another name.</source>
        <translation>{path} is a database, maybe a project; give the export another name.</translation>
    </message>
    <message>
        <source>The project has no baseline named “{name}” (baselines: {names}).</source>
        <translation>The project has no baseline named “{name}” (baselines: {names}).</translation>
    </message>
    <message>
        <source>The baseline “{name}” is damaged: its frozen copy of the project cannot be read ({detail}). Delete the baseline, or open a backup of the project.</source>
        <translation>The baseline “{name}” is damaged: its frozen copy of the project cannot be read ({detail}). Delete the baseline, or open a backup of the project.</translation>
    </message>
    <message>
        <source>A baseline needs a name.</source>
        <translation>A baseline needs a name.</translation>
    </message>
    <message>
        <source>A baseline name can be at most {limit} characters long.</source>
        <translation>A baseline name can be at most {limit} characters long.</translation>
    </message>
    <message>
        <source>The project already has a baseline named “{name}”; choose another name.</source>
        <translation>The project already has a baseline named “{name}”; choose another name.</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>requirement</source>
        <translation>requirement</translation>
    </message>
    <message>
        <source>release</source>
        <translation>release</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>milestone</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>lane</translation>
    </message>
    <message>
        <source>custom field</source>
        <translation>custom field</translation>
    </message>
    <message>
        <source>saved view</source>
        <translation>saved view</translation>
    </message>
    <message>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <source>section</source>
        <translation>section</translation>
    </message>
    <message>
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>baseline</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
</context>
<context>
    <name>CriteriaInputs</name>
    <message>
        <source>No criteria yet: add them in Project ▸ Properties.</source>
        <translation>No criteria yet: add them in Project ▸ Properties.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Weight %1</source>
        <translation>Weight %1</translation>
    </message>
    <message>
        <source>Σ weight × value ÷ scale, as a share of all weights</source>
        <translation>Σ weight × value ÷ scale, as a share of all weights</translation>
    </message>
    <message>
        <source>Score every criterion to get a score</source>
        <translation>Score every criterion to get a score</translation>
    </message>
</context>
<context>
    <name>CustomFieldsWindow</name>
    <message>
        <source>Custom Fields</source>
        <translation>Custom Fields</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add a field (Ctrl+N)</source>
        <translation>Add a field (Ctrl+N)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the chosen field (Delete)</source>
        <translation>Delete the chosen field (Delete)</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Move up (Alt+Up)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Move down (Alt+Down)</translation>
    </message>
    <message>
        <source>No custom fields yet. Add one for what your team tracks and pmdesk has no field for: a team, an estimate, a customer, a due date…</source>
        <translation>No custom fields yet. Add one for what your team tracks and pmdesk has no field for: a team, an estimate, a customer, a due date…</translation>
    </message>
    <message>
        <source>For example: Team, Estimate, Customer</source>
        <translation>For example: Team, Estimate, Customer</translation>
    </message>
    <message>
        <source>One option a line</source>
        <translation>One option a line</translation>
    </message>
    <message>
        <source>One option a line. Change a line to rename that option wherever it was chosen; remove a line to clear it there.</source>
        <translation>One option a line. Change a line to rename that option wherever it was chosen; remove a line to clear it there.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>The kind is fixed while requirements hold a value of this field.</source>
        <translation>The kind is fixed while requirements hold a value of this field.</translation>
    </message>
    <message numerus="yes">
        <source>Set in %n requirement(s).</source>
        <translation>
            <numerusform>Set in %n requirement.</numerusform>
            <numerusform>Set in %n requirements.</numerusform>
        </translation>
    </message>
    <message>
        <source>No requirement holds a value of this field yet.</source>
        <translation>No requirement holds a value of this field yet.</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>New field</translation>
    </message>
    <message>
        <source>Delete the custom field “%1”?</source>
        <translation>Delete the custom field “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>Its value in %n requirement(s) goes with it.</source>
        <translation>
            <numerusform>Its value in %n requirement goes with it.</numerusform>
            <numerusform>Its value in %n requirements goes with it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo brings it back.</source>
        <translation>Undo brings it back.</translation>
    </message>
    <message>
        <source>Delete Custom Field</source>
        <translation>Delete Custom Field</translation>
    </message>
</context>
<context>
    <name>CustomInput</name>
    <message>
        <source>Nobody yet</source>
        <translation>Nobody yet</translation>
    </message>
</context>
<context>
    <name>DatesButton</name>
    <message>
        <source>Filter by dates</source>
        <translation>Filter by dates</translation>
    </message>
    <message>
        <source>Start and end within</source>
        <translation>Start and end within</translation>
    </message>
    <message>
        <source>Overlapping the range</source>
        <translation>Overlapping the range</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
</context>
<context>
    <name>DescriptionEditor</name>
    <message>
        <source>Describe the requirement (Markdown)…</source>
        <translation>Describe the requirement (Markdown)…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>No description yet.</source>
        <translation>No description yet.</translation>
    </message>
</context>
<context>
    <name>DetailEditor</name>
    <message>
        <source>From its release</source>
        <translation>From its release</translation>
    </message>
    <message>
        <source>Created %1 by %2</source>
        <translation>Created %1 by %2</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <source>Updated %1 by %2</source>
        <translation>Updated %1 by %2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
</context>
<context>
    <name>DetailForm</name>
    <message>
        <source>No requirement selected</source>
        <translation>No requirement selected</translation>
    </message>
    <message>
        <source>Select a requirement to see and edit its details.</source>
        <translation>Select a requirement to see and edit its details.</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>MoSCoW: must, should, could or won't have</source>
        <translation>MoSCoW: must, should, could or won't have</translation>
    </message>
    <message>
        <source>Kano category: how users feel about having it</source>
        <translation>Kano category: how users feel about having it</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nobody yet</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. mobile, MVP</source>
        <translation>Comma-separated, e.g. mobile, MVP</translation>
    </message>
    <message>
        <source>Who asked for it</source>
        <translation>Who asked for it</translation>
    </message>
    <message>
        <source>The persona this requirement is for (Project ▸ Personas…)</source>
        <translation>The persona this requirement is for (Project ▸ Personas…)</translation>
    </message>
    <message>
        <source>Now, Next or Later on the roadmap; by default its release decides</source>
        <translation>Now, Next or Later on the roadmap; by default its release decides</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Kano</source>
        <translation>Kano</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizon</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation>RICE score</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reach</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Effort</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>Ease</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>Business value</translation>
    </message>
    <message>
        <source>Time criticality</source>
        <translation>Time criticality</translation>
    </message>
    <message>
        <source>Risk reduction</source>
        <translation>Risk reduction</translation>
    </message>
    <message>
        <source>Job size</source>
        <translation>Job size</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Insert the user story template</source>
        <translation>Insert the user story template</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>Acceptance criteria</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>ICE score</source>
        <translation>ICE score</translation>
    </message>
    <message>
        <source>WSJF score</source>
        <translation>WSJF score</translation>
    </message>
    <message>
        <source>Weighted score</source>
        <translation>Weighted score</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Delete %1 and the %2 requirements below?</source>
        <translation>Delete %1 and the %2 requirements below?</translation>
    </message>
    <message>
        <source>Delete requirements</source>
        <translation>Delete requirements</translation>
    </message>
    <message>
        <source>Rename baseline</source>
        <translation>Rename baseline</translation>
    </message>
    <message>
        <source>New name of the baseline:</source>
        <translation>New name of the baseline:</translation>
    </message>
    <message>
        <source>New baseline</source>
        <translation>New baseline</translation>
    </message>
    <message>
        <source>A baseline keeps the project as it is now, to compare with later (for example the version sent for review).

Name:</source>
        <translation>A baseline keeps the project as it is now, to compare with later (for example the version sent for review).

Name:</translation>
    </message>
    <message>
        <source>Delete the baseline “%1”? Exports can then no longer compare with it.</source>
        <translation>Delete the baseline “%1”? Exports can then no longer compare with it.</translation>
    </message>
    <message>
        <source>Delete baseline</source>
        <translation>Delete baseline</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>Save the changes to %1 before closing?</translation>
    </message>
    <message>
        <source>If you don't save, your changes will be lost.</source>
        <translation>If you don't save, your changes will be lost.</translation>
    </message>
    <message>
        <source>pmdesk closed without saving %1. Recover the %2 unsaved changes (last at %3)?</source>
        <translation>pmdesk closed without saving %1. Recover the %2 unsaved changes (last at %3)?</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Discard unsaved work</source>
        <translation>Discard unsaved work</translation>
    </message>
    <message>
        <source>Throw away the %1 unsaved changes to %2 for good?</source>
        <translation>Throw away the %1 unsaved changes to %2 for good?</translation>
    </message>
    <message>
        <source>Opened by %1 on %2 since %3</source>
        <translation>Opened by %1 on %2 since %3</translation>
    </message>
    <message>
        <source>Locked by someone unknown: the lock file cannot be read.</source>
        <translation>Locked by someone unknown: the lock file cannot be read.</translation>
    </message>
    <message>
        <source>%1 is in use</source>
        <translation>%1 is in use</translation>
    </message>
    <message>
        <source>Open it read-only to look without changing it, or edit anyway: pmdesk will not overwrite work they save without asking you.</source>
        <translation>Open it read-only to look without changing it, or edit anyway: pmdesk will not overwrite work they save without asking you.</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>Open Read-Only</translation>
    </message>
    <message>
        <source>Edit Anyway</source>
        <translation>Edit Anyway</translation>
    </message>
    <message>
        <source>Take Over…</source>
        <translation>Take Over…</translation>
    </message>
    <message>
        <source>Take over the lock of %1 on %2, taken %3? Do this only if %1 has closed pmdesk there (the computer was switched off or pmdesk crashed): if they still have it open, they are not told and you both edit it.</source>
        <translation>Take over the lock of %1 on %2, taken %3? Do this only if %1 has closed pmdesk there (the computer was switched off or pmdesk crashed): if they still have it open, they are not told and you both edit it.</translation>
    </message>
    <message>
        <source>Take over a lock nobody can read? Do this only if nobody has the project open any more: if someone does, they are not told and you both edit it.</source>
        <translation>Take over a lock nobody can read? Do this only if nobody has the project open any more: if someone does, they are not told and you both edit it.</translation>
    </message>
    <message>
        <source>Take over the lock</source>
        <translation>Take over the lock</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Open a Kano survey</source>
        <translation>Open a Kano survey</translation>
    </message>
    <message>
        <source>Survey answers (*.csv *.txt)</source>
        <translation>Survey answers (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Merge a copy of this project</source>
        <translation>Merge a copy of this project</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <source>Export PRD</source>
        <translation>Export PRD</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Export roadmap</source>
        <translation>Export roadmap</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>Add section</source>
        <translation>Add section</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>Remove section</translation>
    </message>
    <message>
        <source>Move section up</source>
        <translation>Move section up</translation>
    </message>
    <message>
        <source>Move section down</source>
        <translation>Move section down</translation>
    </message>
    <message>
        <source>Write this section in Markdown…</source>
        <translation>Write this section in Markdown…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Show or hide the list of sections</source>
        <translation>Show or hide the list of sections</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Show the editor only</source>
        <translation>Show the editor only</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <source>Show the editor and the preview</source>
        <translation>Show the editor and the preview</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Show the preview only</source>
        <translation>Show the preview only</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>New section</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export PRD</source>
        <translation>Export PRD</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF (.pdf)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Adds a chapter listing what changed since the baseline.</source>
        <translation>Adds a chapter listing what changed since the baseline.</translation>
    </message>
    <message>
        <source>Show the changes as tracked changes in Word</source>
        <translation>Show the changes as tracked changes in Word</translation>
    </message>
    <message>
        <source>Reviewers see who changed what, and accept or reject it, in Word's Review pane.</source>
        <translation>Reviewers see who changed what, and accept or reject it, in Word's Review pane.</translation>
    </message>
    <message>
        <source>Requirements with status</source>
        <translation>Requirements with status</translation>
    </message>
    <message>
        <source>All requirements</source>
        <translation>All requirements</translation>
    </message>
    <message>
        <source>The %1 requirements the filter shows</source>
        <translation>The %1 requirements the filter shows</translation>
    </message>
    <message>
        <source>Fields in each requirement's table</source>
        <translation>Fields in each requirement's table</translation>
    </message>
    <message>
        <source>Open the document when it is ready</source>
        <translation>Open the document when it is ready</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>Compare with baseline:</source>
        <translation>Compare with baseline:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Kano category</source>
        <translation>Kano category</translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation>RICE score</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ExportProblemsDialog</name>
    <message>
        <source>Problems in the Document</source>
        <translation>Problems in the Document</translation>
    </message>
    <message>
        <source>The document shows these problems as error text. Go back to fix them, or export anyway.</source>
        <translation>The document shows these problems as error text. Go back to fix them, or export anyway.</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Go Back</translation>
    </message>
    <message>
        <source>Show Section</source>
        <translation>Show Section</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>Export Anyway</translation>
    </message>
</context>
<context>
    <name>ExportRequirementsDialog</name>
    <message>
        <source>Export Requirements</source>
        <translation>Export Requirements</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV, UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>ReqIF 1.2 (.reqif)</source>
        <translation>ReqIF 1.2 (.reqif)</translation>
    </message>
    <message>
        <source>ReqIF archive (.reqifz)</source>
        <translation>ReqIF archive (.reqifz)</translation>
    </message>
    <message>
        <source>All requirements, with the columns ticked below</source>
        <translation>All requirements, with the columns ticked below</translation>
    </message>
    <message>
        <source>The rows and columns of saved view:</source>
        <translation>The rows and columns of saved view:</translation>
    </message>
    <message>
        <source>The project has no saved views</source>
        <translation>The project has no saved views</translation>
    </message>
    <message>
        <source>Tick the columns to export; drag to change their order</source>
        <translation>Tick the columns to export; drag to change their order</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>ReqIF holds the whole tree and every attribute, for DOORS, Polarion…</source>
        <translation>ReqIF holds the whole tree and every attribute, for DOORS, Polarion…</translation>
    </message>
    <message>
        <source>Key and title first, then the view's backlog columns.</source>
        <translation>Key and title first, then the view's backlog columns.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by key, title, description, owner, tag or source…</source>
        <translation>Filter by key, title, description, owner, tag or source…</translation>
    </message>
    <message>
        <source>Ctrl+F to filter, Escape to clear</source>
        <translation>Ctrl+F to filter, Escape to clear</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 statuses</source>
        <translation>%1 statuses</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>%1 priorities</source>
        <translation>%1 priorities</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>%1 owners</source>
        <translation>%1 owners</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>%1 releases</source>
        <translation>%1 releases</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>%1 personas</source>
        <translation>%1 personas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>%1 kinds</source>
        <translation>%1 kinds</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 tags</translation>
    </message>
    <message>
        <source>Kano</source>
        <translation>Kano</translation>
    </message>
    <message>
        <source>%1 Kano types</source>
        <translation>%1 Kano types</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>%1 lanes</source>
        <translation>%1 lanes</translation>
    </message>
    <message>
        <source>Only requirements added or changed since a baseline</source>
        <translation>Only requirements added or changed since a baseline</translation>
    </message>
    <message>
        <source>Since baseline</source>
        <translation>Since baseline</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Show or hide the filter lists</source>
        <translation>Show or hide the filter lists</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>No value</translation>
    </message>
    <message>
        <source>Changed since %1</source>
        <translation>Changed since %1</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <source>(new place among its siblings)</source>
        <translation>(new place among its siblings)</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>picture, {kb} KB</source>
        <translation>picture, {kb} KB</translation>
    </message>
    <message>
        <source>{link} (needs review)</source>
        <translation>{link} (needs review)</translation>
    </message>
    <message>
        <source>{link} (reviewed)</source>
        <translation>{link} (reviewed)</translation>
    </message>
    <message>
        <source>Baseline “%1”</source>
        <translation>Baseline “%1”</translation>
    </message>
    <message>
        <source>Release “%1”</source>
        <translation>Release “%1”</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Milestone “%1”</source>
        <translation>Milestone “%1”</translation>
    </message>
    <message>
        <source>Lane “%1”</source>
        <translation>Lane “%1”</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Persona “%1”</source>
        <translation>Persona “%1”</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>View “%1”</source>
        <translation>View “%1”</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Section “%1”</source>
        <translation>Section “%1”</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Project “%1”</source>
        <translation>Project “%1”</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>This requirement has been deleted since.</source>
        <translation>This requirement has been deleted since.</translation>
    </message>
    <message>
        <source>Deleted since.</source>
        <translation>Deleted since.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No changes recorded yet.</source>
        <translation>No changes recorded yet.</translation>
    </message>
</context>
<context>
    <name>HorizonTexts</name>
    <message>
        <source>No lane</source>
        <translation>No lane</translation>
    </message>
    <message>
        <source>no release</source>
        <translation>no release</translation>
    </message>
    <message>
        <source>work in progress</source>
        <translation>work in progress</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>+{n} more</translation>
    </message>
    <message>
        <source>Dashed: horizon from its release</source>
        <translation>Dashed: horizon from its release</translation>
    </message>
    <message>
        <source>No open requirement to place.</source>
        <translation>No open requirement to place.</translation>
    </message>
</context>
<context>
    <name>HorizonsPanel</name>
    <message>
        <source>The roadmap could not be read: %1</source>
        <translation>The roadmap could not be read: %1</translation>
    </message>
    <message>
        <source>No requirement matches the filter.</source>
        <translation>No requirement matches the filter.</translation>
    </message>
    <message>
        <source>No open requirement to place. Requirements that are done or rejected are left out.</source>
        <translation>No open requirement to place. Requirements that are done or rejected are left out.</translation>
    </message>
    <message>
        <source>Use the release's horizon for %1 requirements</source>
        <translation>Use the release's horizon for %1 requirements</translation>
    </message>
    <message>
        <source>Move %1 requirements to %2</source>
        <translation>Move %1 requirements to %2</translation>
    </message>
    <message>
        <source>Use the release's horizon for %1</source>
        <translation>Use the release's horizon for %1</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>Move %1 to %2</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Move to %1</translation>
    </message>
    <message>
        <source>Use release's horizon</source>
        <translation>Use release's horizon</translation>
    </message>
    <message>
        <source>Forget the horizon set by hand: the release decides again</source>
        <translation>Forget the horizon set by hand: the release decides again</translation>
    </message>
    <message>
        <source>Show in Details</source>
        <translation>Show in Details</translation>
    </message>
</context>
<context>
    <name>HorizonsView</name>
    <message>
        <source>Now / Next / Later</source>
        <translation>Now / Next / Later</translation>
    </message>
    <message>
        <source>Now: work in progress</source>
        <translation>Now: work in progress</translation>
    </message>
    <message>
        <source>Horizon from release %1</source>
        <translation>Horizon from release %1</translation>
    </message>
    <message>
        <source>Later: no release</source>
        <translation>Later: no release</translation>
    </message>
    <message>
        <source>Placed here by hand</source>
        <translation>Placed here by hand</translation>
    </message>
</context>
<context>
    <name>ImpactDialog</name>
    <message>
        <source>Requirement</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Depends on</translation>
    </message>
    <message>
        <source>Impact of %1</source>
        <translation>Impact of %1</translation>
    </message>
    <message>
        <source>Has a link that needs review</source>
        <translation>Has a link that needs review</translation>
    </message>
    <message>
        <source>%1 requirements depend on %2 (%3 directly): review them after a change.</source>
        <translation>%1 requirements depend on %2 (%3 directly): review them after a change.</translation>
    </message>
    <message>
        <source>Nothing depends on %1.</source>
        <translation>Nothing depends on %1.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import requirements</source>
        <translation>Import requirements</translation>
    </message>
    <message>
        <source>Spreadsheets, Jira CSV and ReqIF</source>
        <translation>Spreadsheets, Jira CSV and ReqIF</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Save the mapping</translation>
    </message>
    <message>
        <source>Load a mapping</source>
        <translation>Load a mapping</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Mappings</translation>
    </message>
    <message>
        <source>Export requirements</source>
        <translation>Export requirements</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>CSV, UTF-8</source>
        <translation>CSV, UTF-8</translation>
    </message>
    <message>
        <source>What does “%1” mean as %2?</source>
        <translation>What does “%1” mean as %2?</translation>
    </message>
    <message>
        <source>Map a value</source>
        <translation>Map a value</translation>
    </message>
    <message>
        <source>Import Requirements — %1</source>
        <translation>Import Requirements — %1</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>First value</translation>
    </message>
    <message>
        <source>pmdesk field</source>
        <translation>pmdesk field</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Changes or problems</source>
        <translation>Changes or problems</translation>
    </message>
    <message>
        <source>Load Mapping…</source>
        <translation>Load Mapping…</translation>
    </message>
    <message>
        <source>Save Mapping…</source>
        <translation>Save Mapping…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>&lt;b&gt;Columns&lt;/b&gt; (guessed from their headers)</source>
        <translation>&lt;b&gt;Columns&lt;/b&gt; (guessed from their headers)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Values&lt;/b&gt; (what each value of the file becomes in pmdesk)</source>
        <translation>&lt;b&gt;Values&lt;/b&gt; (what each value of the file becomes in pmdesk)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; (nothing is written until you import)</source>
        <translation>&lt;b&gt;Preview&lt;/b&gt; (nothing is written until you import)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt;</source>
        <translation>&lt;b&gt;Problems&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading the project…</source>
        <translation>Reading the project…</translation>
    </message>
    <message>
        <source>Reading %1 rows…</source>
        <translation>Reading %1 rows…</translation>
    </message>
    <message>
        <source>Matching %1 rows with the project…</source>
        <translation>Matching %1 rows with the project…</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <source>Custom field: %1</source>
        <translation>Custom field: %1</translation>
    </message>
    <message>
        <source>New custom field “%1”</source>
        <translation>New custom field “%1”</translation>
    </message>
    <message>
        <source>Load Mapping</source>
        <translation>Load Mapping</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>%1 → new key</source>
        <translation>%1 → new key</translation>
    </message>
    <message>
        <source>Double-click or press Enter to say what this value means</source>
        <translation>Double-click or press Enter to say what this value means</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 new</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 updated</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 unchanged</translation>
    </message>
    <message>
        <source>new releases: %1</source>
        <translation>new releases: %1</translation>
    </message>
    <message>
        <source>new personas: %1</source>
        <translation>new personas: %1</translation>
    </message>
    <message>
        <source>new custom fields: %1</source>
        <translation>new custom fields: %1</translation>
    </message>
    <message>
        <source>%1 links</source>
        <translation>%1 links</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): fix the file or the mapping; nothing is imported until then.</source>
        <translation><numerusform>%n problem: fix the file or the mapping; nothing is imported until then.</numerusform><numerusform>%n problems: fix the file or the mapping; nothing is imported until then.</numerusform></translation>
    </message>
    <message>
        <source>Not imported (pmdesk has no field for them): %1</source>
        <translation>Not imported (pmdesk has no field for them): %1</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>Import Requirements</source>
        <translation>Import Requirements</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Export Requirements</source>
        <translation>Export Requirements</translation>
    </message>
</context>
<context>
    <name>KanoCategory</name>
    <message>
        <source>Attractive</source>
        <translation>Attractive</translation>
    </message>
    <message>
        <source>One-dimensional</source>
        <translation>One-dimensional</translation>
    </message>
    <message>
        <source>Must-be</source>
        <translation>Must-be</translation>
    </message>
    <message>
        <source>Indifferent</source>
        <translation>Indifferent</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <source>Questionable</source>
        <translation>Questionable</translation>
    </message>
</context>
<context>
    <name>KanoScatter</name>
    <message>
        <source>Better–Worse picture</source>
        <translation>Better–Worse picture</translation>
    </message>
</context>
<context>
    <name>KanoTable</name>
    <message>
        <source>Respondents</source>
        <translation>Respondents</translation>
    </message>
    <message>
        <source>Survey result</source>
        <translation>Survey result</translation>
    </message>
    <message>
        <source>Kano now</source>
        <translation>Kano now</translation>
    </message>
    <message>
        <source>Apply changes its Kano category from %1 to %2.</source>
        <translation>Apply changes its Kano category from %1 to %2.</translation>
    </message>
    <message>
        <source>Satisfaction: (A + O) / (A + O + M + I)</source>
        <translation>Satisfaction: (A + O) / (A + O + M + I)</translation>
    </message>
    <message>
        <source>Dissatisfaction: −(O + M) / (A + O + M + I)</source>
        <translation>Dissatisfaction: −(O + M) / (A + O + M + I)</translation>
    </message>
    <message>
        <source>The most frequent category (ties: Must-be, One-dimensional, Attractive, Indifferent)</source>
        <translation>The most frequent category (ties: Must-be, One-dimensional, Attractive, Indifferent)</translation>
    </message>
</context>
<context>
    <name>KanoWindow</name>
    <message>
        <source>Kano Survey — %1</source>
        <translation>Kano Survey — %1</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Set the Kano category of the marked requirements (one undo step)</source>
        <translation>Set the Kano category of the marked requirements (one undo step)</translation>
    </message>
    <message>
        <source>%1: answers of up to %2 respondents on %3 requirements.</source>
        <translation>%1: answers of up to %2 respondents on %3 requirements.</translation>
    </message>
    <message numerus="yes">
        <source>Apply changes the Kano category of %n marked requirement(s).</source>
        <translation>
            <numerusform>Apply changes the Kano category of %n marked requirement.</numerusform>
            <numerusform>Apply changes the Kano category of %n marked requirements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every requirement already has the category the survey gives.</source>
        <translation>Every requirement already has the category the survey gives.</translation>
    </message>
    <message>
        <source>The project is open read-only: the categories cannot be set.</source>
        <translation>The project is open read-only: the categories cannot be set.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Dissatisfaction |Worse|</source>
        <translation>Dissatisfaction |Worse|</translation>
    </message>
    <message>
        <source>Satisfaction (Better)</source>
        <translation>Satisfaction (Better)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Epic</source>
        <translation>Epic</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Non-functional</source>
        <translation>Non-functional</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Must</source>
        <translation>Must</translation>
    </message>
    <message>
        <source>Should</source>
        <translation>Should</translation>
    </message>
    <message>
        <source>Could</source>
        <translation>Could</translation>
    </message>
    <message>
        <source>Won't</source>
        <translation>Won't</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>Delighter</source>
        <translation>Delighter</translation>
    </message>
    <message>
        <source>Indifferent</source>
        <translation>Indifferent</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>depends on</source>
        <translation>depends on</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>blocks</translation>
    </message>
    <message>
        <source>relates to</source>
        <translation>relates to</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>duplicates</translation>
    </message>
    <message>
        <source>derived from</source>
        <translation>derived from</translation>
    </message>
    <message>
        <source>Quick wins</source>
        <translation>Quick wins</translation>
    </message>
    <message>
        <source>Big bets</source>
        <translation>Big bets</translation>
    </message>
    <message>
        <source>Fill-ins</source>
        <translation>Fill-ins</translation>
    </message>
    <message>
        <source>Time sinks</source>
        <translation>Time sinks</translation>
    </message>
    <message>
        <source>ICE</source>
        <translation>ICE</translation>
    </message>
    <message>
        <source>WSJF</source>
        <translation>WSJF</translation>
    </message>
    <message>
        <source>Weighted criteria</source>
        <translation>Weighted criteria</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reach</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Effort</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>Ease</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>Business value</translation>
    </message>
    <message>
        <source>Time criticality</source>
        <translation>Time criticality</translation>
    </message>
    <message>
        <source>Risk reduction / opportunity</source>
        <translation>Risk reduction / opportunity</translation>
    </message>
    <message>
        <source>Job size</source>
        <translation>Job size</translation>
    </message>
    <message>
        <source>Criteria scores</source>
        <translation>Criteria scores</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>Scoring model</source>
        <translation>Scoring model</translation>
    </message>
    <message>
        <source>Scoring criteria</source>
        <translation>Scoring criteria</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Document status</source>
        <translation>Document status</translation>
    </message>
    <message>
        <source>Confidentiality</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Pain points</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <source>Share of users</source>
        <translation>Share of users</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizon</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation>Custom field</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Short text</source>
        <translation>Short text</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>One of a list</source>
        <translation>One of a list</translation>
    </message>
    <message>
        <source>Several of a list</source>
        <translation>Several of a list</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>is needed by</source>
        <translation>is needed by</translation>
    </message>
    <message>
        <source>is blocked by</source>
        <translation>is blocked by</translation>
    </message>
    <message>
        <source>is duplicated by</source>
        <translation>is duplicated by</translation>
    </message>
    <message>
        <source>is the source of</source>
        <translation>is the source of</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Kano</source>
        <translation>Kano</translation>
    </message>
    <message>
        <source>RICE</source>
        <translation>RICE</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Authors</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>Key prefix</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>Acceptance criteria</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
</context>
<context>
    <name>LinksEditor</name>
    <message>
        <source>No links yet</source>
        <translation>No links yet</translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation>Remove the selected link</translation>
    </message>
    <message>
        <source>How this requirement relates to the other one</source>
        <translation>How this requirement relates to the other one</translation>
    </message>
    <message>
        <source>Key or title…</source>
        <translation>Key or title…</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>Add link</translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>Mark Reviewed</translation>
    </message>
    <message>
        <source>The linked requirement's text changed: mark the link reviewed</source>
        <translation>The linked requirement's text changed: mark the link reviewed</translation>
    </message>
    <message>
        <source>this requirement</source>
        <translation>this requirement</translation>
    </message>
    <message>
        <source>Needs review: %1 changed on %2</source>
        <translation>Needs review: %1 changed on %2</translation>
    </message>
    <message>
        <source>Show Impact…</source>
        <translation>Show Impact…</translation>
    </message>
    <message>
        <source>A requirement cannot be linked to itself.</source>
        <translation>A requirement cannot be linked to itself.</translation>
    </message>
    <message>
        <source>No requirement matches “%1”.</source>
        <translation>No requirement matches “%1”.</translation>
    </message>
    <message>
        <source>Several requirements match “%1”: pick one from the list.</source>
        <translation>Several requirements match “%1”: pick one from the list.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requirements</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>Roadmap</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>No project is open.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>A new project: its title, product, key prefix, language and template</source>
        <translation>A new project: its title, product, key prefix, language and template</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>&amp;Export PRD…</source>
        <translation>&amp;Export PRD…</translation>
    </message>
    <message>
        <source>&amp;Merge a Copy…</source>
        <translation>&amp;Merge a Copy…</translation>
    </message>
    <message>
        <source>Merge a copy of this project that was edited elsewhere (e-mailed back)</source>
        <translation>Merge a copy of this project that was edited elsewhere (e-mailed back)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Export Roadmap as &amp;PNG…</source>
        <translation>Export Roadmap as &amp;PNG…</translation>
    </message>
    <message>
        <source>Export Roadmap as S&amp;VG…</source>
        <translation>Export Roadmap as S&amp;VG…</translation>
    </message>
    <message>
        <source>&amp;Import Requirements…</source>
        <translation>&amp;Import Requirements…</translation>
    </message>
    <message>
        <source>Requirements from Excel, CSV, a Jira export or ReqIF</source>
        <translation>Requirements from Excel, CSV, a Jira export or ReqIF</translation>
    </message>
    <message>
        <source>Export Re&amp;quirements…</source>
        <translation>Export Re&amp;quirements…</translation>
    </message>
    <message>
        <source>The requirements as an Excel workbook, CSV or ReqIF</source>
        <translation>The requirements as an Excel workbook, CSV or ReqIF</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>&amp;Close Project</translation>
    </message>
    <message>
        <source>&amp;Filter Requirements</source>
        <translation>&amp;Filter Requirements</translation>
    </message>
    <message>
        <source>Find in &amp;Project…</source>
        <translation>Find in &amp;Project…</translation>
    </message>
    <message>
        <source>Search every requirement's text and the PRD's sections</source>
        <translation>Search every requirement's text and the PRD's sections</translation>
    </message>
    <message>
        <source>&amp;About pmdesk</source>
        <translation>&amp;About pmdesk</translation>
    </message>
    <message>
        <source>&amp;Baselines…</source>
        <translation>&amp;Baselines…</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Properties…</translation>
    </message>
    <message>
        <source>&amp;Releases, Lanes and Milestones…</source>
        <translation>&amp;Releases, Lanes and Milestones…</translation>
    </message>
    <message>
        <source>New R&amp;elease…</source>
        <translation>New R&amp;elease…</translation>
    </message>
    <message>
        <source>New &amp;Milestone…</source>
        <translation>New &amp;Milestone…</translation>
    </message>
    <message>
        <source>&amp;Kano Survey…</source>
        <translation>&amp;Kano Survey…</translation>
    </message>
    <message>
        <source>Evaluate a Kano survey's answers (CSV) and set the categories it gives</source>
        <translation>Evaluate a Kano survey's answers (CSV) and set the categories it gives</translation>
    </message>
    <message>
        <source>Person&amp;as…</source>
        <translation>Person&amp;as…</translation>
    </message>
    <message>
        <source>Who the product is for: the personas user stories name</source>
        <translation>Who the product is for: the personas user stories name</translation>
    </message>
    <message>
        <source>Custom &amp;Fields…</source>
        <translation>Custom &amp;Fields…</translation>
    </message>
    <message>
        <source>The project's own fields: add, rename, reorder or delete them</source>
        <translation>The project's own fields: add, rename, reorder or delete them</translation>
    </message>
    <message>
        <source>Change &amp;Log…</source>
        <translation>Change &amp;Log…</translation>
    </message>
    <message>
        <source>MoSCoW &amp;Board</source>
        <translation>MoSCoW &amp;Board</translation>
    </message>
    <message>
        <source>Each release's requirements by priority, against its capacity</source>
        <translation>Each release's requirements by priority, against its capacity</translation>
    </message>
    <message>
        <source>Backlog &amp;Table</source>
        <translation>Backlog &amp;Table</translation>
    </message>
    <message>
        <source>Every requirement in a table: sort, group, edit many at once</source>
        <translation>Every requirement in a table: sort, group, edit many at once</translation>
    </message>
    <message>
        <source>&amp;Value vs Effort</source>
        <translation>&amp;Value vs Effort</translation>
    </message>
    <message>
        <source>Quick wins, big bets, fill-ins and time sinks: drag to assess</source>
        <translation>Quick wins, big bets, fill-ins and time sinks: drag to assess</translation>
    </message>
    <message>
        <source>&amp;Traceability…</source>
        <translation>&amp;Traceability…</translation>
    </message>
    <message>
        <source>Which requirements trace to which, and what coverage lacks</source>
        <translation>Which requirements trace to which, and what coverage lacks</translation>
    </message>
    <message>
        <source>Show &amp;Impact…</source>
        <translation>Show &amp;Impact…</translation>
    </message>
    <message>
        <source>Everything that depends on the selected requirement</source>
        <translation>Everything that depends on the selected requirement</translation>
    </message>
    <message>
        <source>Edit &amp;Selected Requirements…</source>
        <translation>Edit &amp;Selected Requirements…</translation>
    </message>
    <message>
        <source>Set one field of the requirements selected in the backlog</source>
        <translation>Set one field of the requirements selected in the backlog</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>%1 could not be opened (%2).</source>
        <translation>%1 could not be opened (%2).</translation>
    </message>
    <message>
        <source>Read-only. Save As makes a copy you can edit.</source>
        <translation>Read-only. Save As makes a copy you can edit.</translation>
    </message>
    <message>
        <source>%1 is write-protected: opened read-only. Save As makes a copy you can edit.</source>
        <translation>%1 is write-protected: opened read-only. Save As makes a copy you can edit.</translation>
    </message>
    <message>
        <source>Read-only: your unsaved changes from an earlier session are kept. Open the project again to recover them.</source>
        <translation>Read-only: your unsaved changes from an earlier session are kept. Open the project again to recover them.</translation>
    </message>
    <message>
        <source>Read-only: %1 on %2 has it open. Save As makes a copy you can edit.</source>
        <translation>Read-only: %1 on %2 has it open. Save As makes a copy you can edit.</translation>
    </message>
    <message>
        <source>Editing without the lock: someone else has it open too.</source>
        <translation>Editing without the lock: someone else has it open too.</translation>
    </message>
    <message>
        <source>Editing without the lock: %1 on %2 has it open too.</source>
        <translation>Editing without the lock: %1 on %2 has it open too.</translation>
    </message>
    <message>
        <source>No lock of yours: the old lock file %1 cannot be removed, so others are not told that you have it open.</source>
        <translation>No lock of yours: the old lock file %1 cannot be removed, so others are not told that you have it open.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: others see the project as opened by someone unknown, and Save fails until there is space.</source>
        <translation>The disk holding %1 is full: others see the project as opened by someone unknown, and Save fails until there is space.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: others are not told that you have the project open, and Save fails until there is space.</source>
        <translation>The disk holding %1 is full: others are not told that you have the project open, and Save fails until there is space.</translation>
    </message>
    <message>
        <source>No lock file: this folder is read-only, so others do not see that you have it open. Use Save As to keep changes.</source>
        <translation>No lock file: this folder is read-only, so others do not see that you have it open. Use Save As to keep changes.</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>No recent projects</translation>
    </message>
    <message>
        <source>%1 cannot be found any more (was its drive or share disconnected?). Use Save As to keep your work.</source>
        <translation>%1 cannot be found any more (was its drive or share disconnected?). Use Save As to keep your work.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>a colleague</translation>
    </message>
    <message>
        <source>%1 could not be written (%2).</source>
        <translation>%1 could not be written (%2).</translation>
    </message>
    <message>
        <source>The roadmap is empty: no requirement, release or milestone has a date.</source>
        <translation>The roadmap is empty: no requirement, release or milestone has a date.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s)</source>
        <translation>
            <numerusform>%n requirement</numerusform>
            <numerusform>%n requirements</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>MoSCoW Board</source>
        <translation>MoSCoW Board</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>[Read-only]</source>
        <translation>[Read-only]</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Not saved yet</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n requirement(s) shown</source>
        <translation>
            <numerusform>%1 of %n requirement shown</numerusform>
            <numerusform>%1 of %n requirements shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the requirements to change in the backlog table first.</source>
        <translation>Select the requirements to change in the backlog table first.</translation>
    </message>
    <message>
        <source>About pmdesk</source>
        <translation>About pmdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;pmdesk %1&lt;/h3&gt;&lt;p&gt;An offline roadmap and PRD editor for product managers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;pmdesk %1&lt;/h3&gt;&lt;p&gt;An offline roadmap and PRD editor for product managers.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Exported %1 in %2 s.</source>
        <translation>Exported %1 in %2 s.</translation>
    </message>
    <message>
        <source>&amp;Saved Views</source>
        <translation>&amp;Saved Views</translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation>No saved views yet</translation>
    </message>
    <message>
        <source>Show &amp;All Requirements</source>
        <translation>Show &amp;All Requirements</translation>
    </message>
    <message>
        <source>&amp;Save View As…</source>
        <translation>&amp;Save View As…</translation>
    </message>
    <message>
        <source>&amp;Manage Views…</source>
        <translation>&amp;Manage Views…</translation>
    </message>
    <message>
        <source>Reorder, rename, duplicate or delete the saved views</source>
        <translation>Reorder, rename, duplicate or delete the saved views</translation>
    </message>
</context>
<context>
    <name>ManageViewsWindow</name>
    <message>
        <source>Manage Views</source>
        <translation>Manage Views</translation>
    </message>
    <message>
        <source>No saved views yet. Filter the requirements, arrange the backlog's columns, then choose Save View As… in the Views menu.</source>
        <translation>No saved views yet. Filter the requirements, arrange the backlog's columns, then choose Save View As… in the Views menu.</translation>
    </message>
    <message>
        <source>Drag a view, or press Alt+Up / Alt+Down, to change the order.</source>
        <translation>Drag a view, or press Alt+Up / Alt+Down, to change the order.</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Show the chosen view (Enter)</source>
        <translation>Show the chosen view (Enter)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>Rename the view (F2)</source>
        <translation>Rename the view (F2)</translation>
    </message>
    <message>
        <source>A copy of the view, after it (Ctrl+D)</source>
        <translation>A copy of the view, after it (Ctrl+D)</translation>
    </message>
    <message>
        <source>Du&amp;plicate</source>
        <translation>Du&amp;plicate</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Delete the view (Delete)</source>
        <translation>Delete the view (Delete)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Move &amp;Up</translation>
    </message>
    <message>
        <source>Earlier in the list (Alt+Up)</source>
        <translation>Earlier in the list (Alt+Up)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Move Do&amp;wn</translation>
    </message>
    <message>
        <source>Later in the list (Alt+Down)</source>
        <translation>Later in the list (Alt+Down)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>every requirement</source>
        <translation>every requirement</translation>
    </message>
    <message>
        <source>Grouped by %1</source>
        <translation>Grouped by %1</translation>
    </message>
    <message>
        <source>Sorted by %1</source>
        <translation>Sorted by %1</translation>
    </message>
    <message>
        <source>Rename View</source>
        <translation>Rename View</translation>
    </message>
    <message>
        <source>A view named “%1” exists already.</source>
        <translation>A view named “%1” exists already.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>Delete the view “%1”? Undo brings it back.</source>
        <translation>Delete the view “%1”? Undo brings it back.</translation>
    </message>
    <message>
        <source>Delete View</source>
        <translation>Delete View</translation>
    </message>
</context>
<context>
    <name>MatrixCanvas</name>
    <message>
        <source>Value vs effort picture</source>
        <translation>Value vs effort picture</translation>
    </message>
    <message>
        <source>Value %1 · effort %2 person-months · %3</source>
        <translation>Value %1 · effort %2 person-months · %3</translation>
    </message>
    <message>
        <source>%1: value %2, effort %3 person-months</source>
        <translation>%1: value %2, effort %3 person-months</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <source>Rows:</source>
        <translation>Rows:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Columns:</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contains</translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation>View: %1</translation>
    </message>
    <message>
        <source>Reading the requirements…</source>
        <translation>Reading the requirements…</translation>
    </message>
    <message>
        <source>The matrix could not be read: %1</source>
        <translation>The matrix could not be read: %1</translation>
    </message>
    <message>
        <source>A link needs review</source>
        <translation>A link needs review</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 rows and %3 of %4 columns (the coverage counts them all). Choose a saved view to narrow them.</source>
        <translation>Showing the first %1 of %2 rows and %3 of %4 columns (the coverage counts them all). Choose a saved view to narrow them.</translation>
    </message>
</context>
<context>
    <name>MatrixWindow</name>
    <message>
        <source>Effort (person-months)</source>
        <translation>Effort (person-months)</translation>
    </message>
    <message>
        <source>Value (0–10)</source>
        <translation>Value (0–10)</translation>
    </message>
    <message>
        <source>median {effort}</source>
        <translation>median {effort}</translation>
    </message>
    <message>
        <source>Value vs Effort</source>
        <translation>Value vs Effort</translation>
    </message>
    <message>
        <source>Which requirements the matrix shows</source>
        <translation>Which requirements the matrix shows</translation>
    </message>
    <message>
        <source>Requirements without a value or an effort: not on the matrix</source>
        <translation>Requirements without a value or an effort: not on the matrix</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message numerus="yes">
        <source>The %n requirement(s) picked in the tree</source>
        <translation>
            <numerusform>The %n requirement picked in the tree</numerusform>
            <numerusform>The %n requirements picked in the tree</numerusform>
        </translation>
    </message>
    <message>
        <source>All releases</source>
        <translation>All releases</translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation>Release %1</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>Not assessed (%1)</source>
        <translation>Not assessed (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) on the matrix</source>
        <translation>
            <numerusform>%n requirement on the matrix</numerusform>
            <numerusform>%n requirements on the matrix</numerusform>
        </translation>
    </message>
    <message>
        <source>; effort is low up to %1 person-months (their median).</source>
        <translation>; effort is low up to %1 person-months (their median).</translation>
    </message>
    <message>
        <source>Drag a dot to set its value and effort.</source>
        <translation>Drag a dot to set its value and effort.</translation>
    </message>
    <message>
        <source>The project is open read-only: values and efforts cannot be set.</source>
        <translation>The project is open read-only: values and efforts cannot be set.</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>New Milestone</source>
        <translation>New Milestone</translation>
    </message>
    <message>
        <source>Milestone “%1”</source>
        <translation>Milestone “%1”</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Has a date</source>
        <translation>&amp;Has a date</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>&amp;Release:</translation>
    </message>
    <message>
        <source>The release this milestone belongs to</source>
        <translation>The release this milestone belongs to</translation>
    </message>
</context>
<context>
    <name>ModelInputs</name>
    <message>
        <source>How much it moves the goal, 1–10</source>
        <translation>How much it moves the goal, 1–10</translation>
    </message>
    <message>
        <source>How sure you are of the impact, 1–10</source>
        <translation>How sure you are of the impact, 1–10</translation>
    </message>
    <message>
        <source>How easy it is to build, 1–10</source>
        <translation>How easy it is to build, 1–10</translation>
    </message>
    <message>
        <source>Value to users and the business, 1–20</source>
        <translation>Value to users and the business, 1–20</translation>
    </message>
    <message>
        <source>How fast the value decays if it waits, 1–20</source>
        <translation>How fast the value decays if it waits, 1–20</translation>
    </message>
    <message>
        <source>Risk it removes or opportunity it opens, 1–20</source>
        <translation>Risk it removes or opportunity it opens, 1–20</translation>
    </message>
    <message>
        <source>Size of the work, 1–20 (1, 2, 3, 5, 8, 13, 20)</source>
        <translation>Size of the work, 1–20 (1, 2, 3, 5, 8, 13, 20)</translation>
    </message>
    <message>
        <source>Impact × Confidence × Ease</source>
        <translation>Impact × Confidence × Ease</translation>
    </message>
    <message>
        <source>Fill in all three inputs to get a score</source>
        <translation>Fill in all three inputs to get a score</translation>
    </message>
    <message>
        <source>(Business value + Time criticality + Risk reduction) ÷ Job size</source>
        <translation>(Business value + Time criticality + Risk reduction) ÷ Job size</translation>
    </message>
    <message>
        <source>Fill in all four inputs to get a score</source>
        <translation>Fill in all four inputs to get a score</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>A key prefix is 1–10 letters or digits and starts with a letter.</source>
        <translation>A key prefix is 1–10 letters or digits and starts with a letter.</translation>
    </message>
    <message>
        <source>An empty project: no sections yet.</source>
        <translation>An empty project: no sections yet.</translation>
    </message>
    <message>
        <source>The sections of a PRD in Chinese, ready to fill in.</source>
        <translation>The sections of a PRD in Chinese, ready to fill in.</translation>
    </message>
    <message>
        <source>The sections of a PRD in English, ready to fill in.</source>
        <translation>The sections of a PRD in English, ready to fill in.</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>New Project</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>e.g. CRM product requirements</source>
        <translation>e.g. CRM product requirements</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>e.g. CRM</source>
        <translation>e.g. CRM</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>&amp;Key prefix:</translation>
    </message>
    <message>
        <source>Requirement keys start with it: CRM-1, CRM-2 …</source>
        <translation>Requirement keys start with it: CRM-1, CRM-2 …</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The language of the PRD's headings and labels</source>
        <translation>The language of the PRD's headings and labels</translation>
    </message>
    <message>
        <source>T&amp;emplate:</source>
        <translation>T&amp;emplate:</translation>
    </message>
    <message>
        <source>Blank project</source>
        <translation>Blank project</translation>
    </message>
    <message>
        <source>PRD template (中文)</source>
        <translation>PRD template (中文)</translation>
    </message>
    <message>
        <source>PRD template (English)</source>
        <translation>PRD template (English)</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Set a date</source>
        <translation>Set a date</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>No date</translation>
    </message>
</context>
<context>
    <name>PersonasWindow</name>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add a persona (Ctrl+N)</source>
        <translation>Add a persona (Ctrl+N)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the chosen persona (Delete)</source>
        <translation>Delete the chosen persona (Delete)</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Move up (Alt+Up)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Move down (Alt+Down)</translation>
    </message>
    <message>
        <source>No personas yet. Add one: who uses the product, and why?</source>
        <translation>No personas yet. Add one: who uses the product, and why?</translation>
    </message>
    <message>
        <source>Choose Photo…</source>
        <translation>Choose Photo…</translation>
    </message>
    <message>
        <source>Remove Photo</source>
        <translation>Remove Photo</translation>
    </message>
    <message>
        <source>For example: Li Na, store manager</source>
        <translation>For example: Li Na, store manager</translation>
    </message>
    <message>
        <source>Job or part they play, e.g. Store manager</source>
        <translation>Job or part they play, e.g. Store manager</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>How many of the product's users this persona stands for</source>
        <translation>How many of the product's users this persona stands for</translation>
    </message>
    <message>
        <source>What they want to achieve (Markdown)</source>
        <translation>What they want to achieve (Markdown)</translation>
    </message>
    <message>
        <source>What gets in their way today (Markdown)</source>
        <translation>What gets in their way today (Markdown)</translation>
    </message>
    <message>
        <source>When and where they use the product (Markdown)</source>
        <translation>When and where they use the product (Markdown)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Share of users:</source>
        <translation>&amp;Share of users:</translation>
    </message>
    <message>
        <source>No role yet</source>
        <translation>No role yet</translation>
    </message>
    <message>
        <source>The shares add up to %1%: more than all the users.</source>
        <translation>The shares add up to %1%: more than all the users.</translation>
    </message>
    <message>
        <source>Together %1% of the users.</source>
        <translation>Together %1% of the users.</translation>
    </message>
    <message>
        <source>No requirement names this persona yet.</source>
        <translation>No requirement names this persona yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) name this persona.</source>
        <translation>
            <numerusform>%n requirement name this persona.</numerusform>
            <numerusform>%n requirements name this persona.</numerusform>
        </translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>New persona</translation>
    </message>
    <message>
        <source>Delete the persona “%1”?</source>
        <translation>Delete the persona “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) will lose it and have no persona.</source>
        <translation>
            <numerusform>%n requirement will lose it and have no persona.</numerusform>
            <numerusform>%n requirements will lose it and have no persona.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo brings it back.</source>
        <translation>Undo brings it back.</translation>
    </message>
    <message>
        <source>Delete Persona</source>
        <translation>Delete Persona</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>%1 could not be read (%2).</source>
        <translation>%1 could not be read (%2).</translation>
    </message>
    <message>
        <source>%1 was made smaller to fit in 1 MB.</source>
        <translation>%1 was made smaller to fit in 1 MB.</translation>
    </message>
</context>
<context>
    <name>PlanPane</name>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>New Release…</source>
        <translation>New Release…</translation>
    </message>
    <message>
        <source>Edit Release…</source>
        <translation>Edit Release…</translation>
    </message>
    <message>
        <source>Delete Release</source>
        <translation>Delete Release</translation>
    </message>
    <message>
        <source>New Lane</source>
        <translation>New Lane</translation>
    </message>
    <message>
        <source>Lane Colour…</source>
        <translation>Lane Colour…</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>Delete Lane</translation>
    </message>
    <message>
        <source>New Milestone…</source>
        <translation>New Milestone…</translation>
    </message>
    <message>
        <source>Edit Milestone…</source>
        <translation>Edit Milestone…</translation>
    </message>
    <message>
        <source>Delete Milestone</source>
        <translation>Delete Milestone</translation>
    </message>
    <message>
        <source>&amp;Releases</source>
        <translation>&amp;Releases</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>&amp;Lanes</translation>
    </message>
    <message>
        <source>&amp;Milestones</source>
        <translation>&amp;Milestones</translation>
    </message>
    <message>
        <source>Show Release…</source>
        <translation>Show Release…</translation>
    </message>
    <message>
        <source>Show Milestone…</source>
        <translation>Show Milestone…</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>New lane</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Recorded in the history of every change you make.</source>
        <translation>Recorded in the history of every change you make.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>A new language takes effect when pmdesk starts again.</source>
        <translation>A new language takes effect when pmdesk starts again.</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Your name:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Stories without acceptance criteria</source>
        <translation>Stories without acceptance criteria</translation>
    </message>
    <message>
        <source>Features without stories</source>
        <translation>Features without stories</translation>
    </message>
    <message>
        <source>Requirements without a release</source>
        <translation>Requirements without a release</translation>
    </message>
    <message>
        <source>Requirements without an owner</source>
        <translation>Requirements without an owner</translation>
    </message>
    <message>
        <source>Links to rejected requirements</source>
        <translation>Links to rejected requirements</translation>
    </message>
    <message>
        <source>Dependency cycles</source>
        <translation>Dependency cycles</translation>
    </message>
    <message>
        <source>Checking the requirements…</source>
        <translation>Checking the requirements…</translation>
    </message>
    <message>
        <source>The problems could not be read: %1</source>
        <translation>The problems could not be read: %1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No problems found.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
    <message>
        <source>linked to %1 (rejected)</source>
        <translation>linked to %1 (rejected)</translation>
    </message>
</context>
<context>
    <name>ProjectPropertiesDialog</name>
    <message>
        <source>%1 is larger than 1 MB: choose a smaller picture.</source>
        <translation>%1 is larger than 1 MB: choose a smaller picture.</translation>
    </message>
    <message>
        <source>%1 is not a PNG or JPEG picture.</source>
        <translation>%1 is not a PNG or JPEG picture.</translation>
    </message>
    <message>
        <source>%1 needs a weight of 0 or more and a scale above 0.</source>
        <translation>%1 needs a weight of 0 or more and a scale above 0.</translation>
    </message>
    <message>
        <source>A key prefix is 1–10 letters or digits and starts with a letter.</source>
        <translation>A key prefix is 1–10 letters or digits and starts with a letter.</translation>
    </message>
    <message>
        <source>Keys read %1-1, %1-2 …</source>
        <translation>Keys read %1-1, %1-2 …</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>%1 could not be read (%2).</source>
        <translation>%1 could not be read (%2).</translation>
    </message>
    <message>
        <source>%1 was made smaller to fit in 1 MB (%2 × %3 pixels).</source>
        <translation>%1 was made smaller to fit in 1 MB (%2 × %3 pixels).</translation>
    </message>
    <message>
        <source>%1 is open read-only: its properties cannot be changed here.</source>
        <translation>%1 is open read-only: its properties cannot be changed here.</translation>
    </message>
    <message>
        <source>Change project properties</source>
        <translation>Change project properties</translation>
    </message>
    <message>
        <source>Project Properties</source>
        <translation>Project Properties</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>The document's title, on the PRD's cover</source>
        <translation>The document's title, on the PRD's cover</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>The product's name, in the PRD's cover and header</source>
        <translation>The product's name, in the PRD's cover and header</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>&amp;Authors:</source>
        <translation>&amp;Authors:</translation>
    </message>
    <message>
        <source>One author a line. F2 or double-click edits one.</source>
        <translation>One author a line. F2 or double-click edits one.</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;dd</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>O&amp;rganisation:</source>
        <translation>O&amp;rganisation:</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>&amp;Key prefix:</translation>
    </message>
    <message>
        <source>Requirement keys start with it: CRM-1, CRM-2 …</source>
        <translation>Requirement keys start with it: CRM-1, CRM-2 …</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The language of the PRD's headings and labels</source>
        <translation>The language of the PRD's headings and labels</translation>
    </message>
    <message>
        <source>Lo&amp;go:</source>
        <translation>Lo&amp;go:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>A PNG or JPEG picture of at most 1 MB, for the PRD's cover</source>
        <translation>A PNG or JPEG picture of at most 1 MB, for the PRD's cover</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>R&amp;emove</translation>
    </message>
    <message>
        <source>Document &amp;status:</source>
        <translation>Document &amp;status:</translation>
    </message>
    <message>
        <source>Where the PRD stands (draft, in review, approved), on its cover</source>
        <translation>Where the PRD stands (draft, in review, approved), on its cover</translation>
    </message>
    <message>
        <source>Con&amp;fidentiality:</source>
        <translation>Con&amp;fidentiality:</translation>
    </message>
    <message>
        <source>Who may read the PRD (密级), on its cover</source>
        <translation>Who may read the PRD (密级), on its cover</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>Document &amp;number:</translation>
    </message>
    <message>
        <source>Revie&amp;wers:</source>
        <translation>Revie&amp;wers:</translation>
    </message>
    <message>
        <source>Who signs the PRD off: a row each in its approval table</source>
        <translation>Who signs the PRD off: a row each in its approval table</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Scor&amp;ing model:</source>
        <translation>Scor&amp;ing model:</translation>
    </message>
    <message>
        <source>Criteria:</source>
        <translation>Criteria:</translation>
    </message>
    <message>
        <source>How requirements are scored and ranked: in the details, the ranking and the PRD</source>
        <translation>How requirements are scored and ranked: in the details, the ranking and the PRD</translation>
    </message>
    <message>
        <source>The weighted model's criteria: each requirement gets a value from 0 to the scale on each</source>
        <translation>The weighted model's criteria: each requirement gets a value from 0 to the scale on each</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
</context>
<context>
    <name>RangeButton</name>
    <message>
        <source>Any value</source>
        <translation>Any value</translation>
    </message>
    <message>
        <source>Contains:</source>
        <translation>Contains:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>A release needs a name.</source>
        <translation>A release needs a name.</translation>
    </message>
    <message>
        <source>The release ends before it starts.</source>
        <translation>The release ends before it starts.</translation>
    </message>
    <message>
        <source>%1 is open read-only: nothing can be changed here.</source>
        <translation>%1 is open read-only: nothing can be changed here.</translation>
    </message>
    <message>
        <source>New Release</source>
        <translation>New Release</translation>
    </message>
    <message>
        <source>Release “%1”</source>
        <translation>Release “%1”</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Has dates</source>
        <translation>&amp;Has dates</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>Ca&amp;pacity:</source>
        <translation>Ca&amp;pacity:</translation>
    </message>
    <message>
        <source>Person-days the team can give this release</source>
        <translation>Person-days the team can give this release</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source> person-days</source>
        <translation> person-days</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Goal:</translation>
    </message>
    <message>
        <source>One line of Markdown: what this release is for</source>
        <translation>One line of Markdown: what this release is for</translation>
    </message>
</context>
<context>
    <name>RequirementTreeView</name>
    <message>
        <source>New requirement</source>
        <translation>New requirement</translation>
    </message>
    <message>
        <source>New child requirement</source>
        <translation>New child requirement</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>Indent</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>RiceInputs</name>
    <message>
        <source>How many people or events this reaches per period</source>
        <translation>How many people or events this reaches per period</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Massive</source>
        <translation>Massive</translation>
    </message>
    <message>
        <source>How much it moves the goal for each person reached</source>
        <translation>How much it moves the goal for each person reached</translation>
    </message>
    <message>
        <source>How sure you are of reach and impact</source>
        <translation>How sure you are of reach and impact</translation>
    </message>
    <message>
        <source> person-months</source>
        <translation> person-months</translation>
    </message>
    <message>
        <source>Work for the whole team, in person-months</source>
        <translation>Work for the whole team, in person-months</translation>
    </message>
    <message>
        <source>Fill in all four inputs to get a score</source>
        <translation>Fill in all four inputs to get a score</translation>
    </message>
    <message>
        <source>Reach × Impact × Confidence ÷ Effort</source>
        <translation>Reach × Impact × Confidence ÷ Effort</translation>
    </message>
</context>
<context>
    <name>RoadmapEditing</name>
    <message>
        <source>New Release Here…</source>
        <translation>New Release Here…</translation>
    </message>
    <message>
        <source>New Milestone Here…</source>
        <translation>New Milestone Here…</translation>
    </message>
    <message>
        <source>Edit Release…</source>
        <translation>Edit Release…</translation>
    </message>
    <message>
        <source>Delete Release…</source>
        <translation>Delete Release…</translation>
    </message>
    <message>
        <source>Edit Milestone…</source>
        <translation>Edit Milestone…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Link to Release</source>
        <translation>Link to Release</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>Delete Milestone</source>
        <translation>Delete Milestone</translation>
    </message>
    <message>
        <source>Rename Lane…</source>
        <translation>Rename Lane…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Colour…</translation>
    </message>
    <message>
        <source>New Lane…</source>
        <translation>New Lane…</translation>
    </message>
    <message>
        <source>Delete Lane…</source>
        <translation>Delete Lane…</translation>
    </message>
    <message>
        <source>Rename milestone</source>
        <translation>Rename milestone</translation>
    </message>
    <message>
        <source>Milestone name:</source>
        <translation>Milestone name:</translation>
    </message>
    <message>
        <source>Rename lane</source>
        <translation>Rename lane</translation>
    </message>
    <message>
        <source>Lane name:</source>
        <translation>Lane name:</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>New lane</translation>
    </message>
</context>
<context>
    <name>RoadmapPane</name>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, Ctrl+wheel)</source>
        <translation>Zoom out (Ctrl+-, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=, Ctrl+wheel)</source>
        <translation>Zoom in (Ctrl+=, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Show the whole roadmap (Ctrl+0)</source>
        <translation>Show the whole roadmap (Ctrl+0)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Scroll to today</source>
        <translation>Scroll to today</translation>
    </message>
    <message>
        <source>Colour by status</source>
        <translation>Colour by status</translation>
    </message>
    <message>
        <source>Colour by priority</source>
        <translation>Colour by priority</translation>
    </message>
    <message>
        <source>Colour by release</source>
        <translation>Colour by release</translation>
    </message>
    <message>
        <source>Snap to days</source>
        <translation>Snap to days</translation>
    </message>
    <message>
        <source>Snap to weeks</source>
        <translation>Snap to weeks</translation>
    </message>
    <message>
        <source>Where dragged bars and ends land</source>
        <translation>Where dragged bars and ends land</translation>
    </message>
    <message>
        <source>Drag a card to another column to set its horizon. Dashed: from its release.</source>
        <translation>Drag a card to another column to set its horizon. Dashed: from its release.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>The roadmap on a time axis (%1)</source>
        <translation>The roadmap on a time axis (%1)</translation>
    </message>
    <message>
        <source>Now / Next / Later</source>
        <translation>Now / Next / Later</translation>
    </message>
    <message>
        <source>The roadmap by horizon, without dates (%1)</source>
        <translation>The roadmap by horizon, without dates (%1)</translation>
    </message>
    <message>
        <source>The roadmap could not be read: %1</source>
        <translation>The roadmap could not be read: %1</translation>
    </message>
    <message>
        <source>%1 starts before %2 ends, although it depends on %2</source>
        <translation>%1 starts before %2 ends, although it depends on %2</translation>
    </message>
    <message>
        <source>%1 is planned outside the dates of release %2</source>
        <translation>%1 is planned outside the dates of release %2</translation>
    </message>
    <message numerus="yes">
        <source>Scheduling problems: %n</source>
        <translation>
            <numerusform>Scheduling problems: %n</numerusform>
            <numerusform>Scheduling problems: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Take %1 out of its lane</source>
        <translation>Take %1 out of its lane</translation>
    </message>
    <message>
        <source>Move %1 to lane %2</source>
        <translation>Move %1 to lane %2</translation>
    </message>
    <message>
        <source>Move %1 to %2 – %3</source>
        <translation>Move %1 to %2 – %3</translation>
    </message>
    <message>
        <source>Start %1 on %2</source>
        <translation>Start %1 on %2</translation>
    </message>
    <message>
        <source>End %1 on %2</source>
        <translation>End %1 on %2</translation>
    </message>
</context>
<context>
    <name>RoadmapQuestions</name>
    <message>
        <source>Lane colour</source>
        <translation>Lane colour</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>Delete lane</translation>
    </message>
    <message>
        <source>Delete lane “%1”? Its requirements go to Unassigned.</source>
        <translation>Delete lane “%1”? Its requirements go to Unassigned.</translation>
    </message>
</context>
<context>
    <name>RoadmapTexts</name>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Scheduling problem</source>
        <translation>Scheduling problem</translation>
    </message>
    <message>
        <source>Dates from release</source>
        <translation>Dates from release</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>… {n} more rows not shown</source>
        <translation>… {n} more rows not shown</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>Q{n}</source>
        <translation>Q{n}</translation>
    </message>
    <message>
        <source>W{n}</source>
        <translation>W{n}</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Name of the view:</source>
        <translation>Name of the view:</translation>
    </message>
    <message>
        <source>Replace View</source>
        <translation>Replace View</translation>
    </message>
    <message>
        <source>A view named “%1” exists. Replace its filter, columns, grouping and sort with the current ones?</source>
        <translation>A view named “%1” exists. Replace its filter, columns, grouping and sort with the current ones?</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search keys, titles, descriptions, owners, tags, PRD sections…</source>
        <translation>Search keys, titles, descriptions, owners, tags, PRD sections…</translation>
    </message>
    <message>
        <source>Open a project to search it.</source>
        <translation>Open a project to search it.</translation>
    </message>
    <message>
        <source>Indexing the project for search…</source>
        <translation>Indexing the project for search…</translation>
    </message>
    <message>
        <source>Search is not available now: %1</source>
        <translation>Search is not available now: %1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>No matches for “%1”.</translation>
    </message>
    <message>
        <source>The best %1 matches (refine the search to see others).</source>
        <translation>The best %1 matches (refine the search to see others).</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 match</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>Acceptance criteria</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>PRD section</source>
        <translation>PRD section</translation>
    </message>
    <message>
        <source>PRD section text</source>
        <translation>PRD section text</translation>
    </message>
    <message>
        <source>Persona's role</source>
        <translation>Persona's role</translation>
    </message>
    <message>
        <source>Persona's goals and scenarios</source>
        <translation>Persona's goals and scenarios</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message numerus="yes">
        <source>Changing the key prefix renumbers %n key(s): %1-1 becomes %2-1.</source>
        <translation><numerusform>Changing the key prefix renumbers %n key: %1-1 becomes %2-1.</numerusform><numerusform>Changing the key prefix renumbers %n keys: %1-1 becomes %2-1.</numerusform></translation>
    </message>
    <message>
        <source>Change the key prefix</source>
        <translation>Change the key prefix</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message numerus="yes">
        <source>Release “%1” has %n requirement(s). Move them to:</source>
        <translation><numerusform>Release “%1” has %n requirement. Move them to:</numerusform><numerusform>Release “%1” has %n requirements. Move them to:</numerusform></translation>
    </message>
    <message>
        <source>Delete release</source>
        <translation>Delete release</translation>
    </message>
    <message>
        <source>Delete lane “%1”? Its requirements go to Unassigned.</source>
        <translation>Delete lane “%1”? Its requirements go to Unassigned.</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>Delete lane</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>New lane</translation>
    </message>
    <message>
        <source>Name of the lane (a theme or a team):</source>
        <translation>Name of the lane (a theme or a team):</translation>
    </message>
    <message>
        <source>Lane colour</source>
        <translation>Lane colour</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>&amp;Merge Now</source>
        <translation>&amp;Merge Now</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>&amp;Show It</source>
        <translation>&amp;Show It</translation>
    </message>
    <message>
        <source>&amp;Save Now</source>
        <translation>&amp;Save Now</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>You undid the merge of %1's changes, which are in the saved file: saving now takes them out of it again.</source>
        <translation>You undid the merge of %1's changes, which are in the saved file: saving now takes them out of it again.</translation>
    </message>
    <message>
        <source>&amp;Redo the Merge</source>
        <translation>&amp;Redo the Merge</translation>
    </message>
    <message>
        <source>Keep Undone</source>
        <translation>Keep Undone</translation>
    </message>
    <message>
        <source>%1 has been replaced by an older copy (by a sync tool or a restore?); it holds nothing that is not in your version. Save puts your version, with everything in it, back.</source>
        <translation>%1 has been replaced by an older copy (by a sync tool or a restore?); it holds nothing that is not in your version. Save puts your version, with everything in it, back.</translation>
    </message>
    <message>
        <source>%1 in %2 has been replaced by another project's file. Your edits are kept: Save As keeps them in another file.</source>
        <translation>%1 in %2 has been replaced by another project's file. Your edits are kept: Save As keeps them in another file.</translation>
    </message>
    <message>
        <source>%1 in %2 has been replaced by a damaged file or one that is not a pmdesk project. Your edits are kept: Save As keeps them in another file.</source>
        <translation>%1 in %2 has been replaced by a damaged file or one that is not a pmdesk project. Your edits are kept: Save As keeps them in another file.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Someone</translation>
    </message>
    <message>
        <source>%1 saved a newer version of %2. Show it now?</source>
        <translation>%1 saved a newer version of %2. Show it now?</translation>
    </message>
    <message>
        <source>%1 saved a newer version of %2. Merge it with your work now?</source>
        <translation>%1 saved a newer version of %2. Merge it with your work now?</translation>
    </message>
    <message>
        <source>A newer version of %1 was saved elsewhere. Merge it with your work now?</source>
        <translation>A newer version of %1 was saved elsewhere. Merge it with your work now?</translation>
    </message>
    <message>
        <source>Merging the newer version of %1…</source>
        <translation>Merging the newer version of %1…</translation>
    </message>
    <message>
        <source>Not merged: nothing was changed.</source>
        <translation>Not merged: nothing was changed.</translation>
    </message>
    <message>
        <source>Kept, and moved up to the place of the deleted requirement above: %1.</source>
        <translation>Kept, and moved up to the place of the deleted requirement above: %1.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Merge changes by %1</source>
        <translation>Merge changes by %1</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>a colleague</translation>
    </message>
    <message>
        <source>Now showing the version %1 saved.</source>
        <translation>Now showing the version %1 saved.</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>Merging %1…</translation>
    </message>
    <message>
        <source>Merge copy %1</source>
        <translation>Merge copy %1</translation>
    </message>
    <message>
        <source>The newer version by %1 holds nothing new.</source>
        <translation>The newer version by %1 holds nothing new.</translation>
    </message>
    <message>
        <source>Merged the changes by %1; items changed: %2.</source>
        <translation>Merged the changes by %1; items changed: %2.</translation>
    </message>
    <message>
        <source>Put back in their earlier place (their new place was deleted or moved): %1.</source>
        <translation>Put back in their earlier place (their new place was deleted or moved): %1.</translation>
    </message>
    <message>
        <source>Not saved: %1 has a newer version to merge first.</source>
        <translation>Not saved: %1 has a newer version to merge first.</translation>
    </message>
    <message>
        <source>Deleted with the requirement they belonged to: %1.</source>
        <translation>Deleted with the requirement they belonged to: %1.</translation>
    </message>
    <message>
        <source>Your new requirements were renumbered: %1.</source>
        <translation>Your new requirements were renumbered: %1.</translation>
    </message>
</context>
<context>
    <name>TraceCoverage</name>
    <message numerus="yes">
        <source>%1 of %n requirement(s) in “%3” traced (%2%)</source>
        <translation><numerusform>%1 of %n requirement in “%3” traced (%2%)</numerusform><numerusform>%1 of %n requirements in “%3” traced (%2%)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n epic(s) traced (%2%)</source>
        <translation><numerusform>%1 of %n epic traced (%2%)</numerusform><numerusform>%1 of %n epics traced (%2%)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n feature(s) traced (%2%)</source>
        <translation><numerusform>%1 of %n feature traced (%2%)</numerusform><numerusform>%1 of %n features traced (%2%)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n stor(y|ies) traced (%2%)</source>
        <translation><numerusform>%1 of %n story traced (%2%)</numerusform><numerusform>%1 of %n stories traced (%2%)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n non-functional requirement(s) traced (%2%)</source>
        <translation><numerusform>%1 of %n non-functional requirement traced (%2%)</numerusform><numerusform>%1 of %n non-functional requirements traced (%2%)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n requirement(s) traced (%2%)</source>
        <translation><numerusform>%1 of %n requirement traced (%2%)</numerusform><numerusform>%1 of %n requirements traced (%2%)</numerusform></translation>
    </message>
    <message>
        <source>Coverage: %1; %2.</source>
        <translation>Coverage: %1; %2.</translation>
    </message>
</context>
<context>
    <name>TraceWindow</name>
    <message>
        <source>Traceability</source>
        <translation>Traceability</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <source>No requirements match</source>
        <translation>No requirements match</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>No persona</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>No release</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>No tags</translation>
    </message>
    <message>
        <source>No lane</source>
        <translation>No lane</translation>
    </message>
</context>
<context>
    <name>UnassessedList</name>
    <message>
        <source>No value and no effort yet</source>
        <translation>No value and no effort yet</translation>
    </message>
    <message>
        <source>No value yet</source>
        <translation>No value yet</translation>
    </message>
    <message>
        <source>No effort yet</source>
        <translation>No effort yet</translation>
    </message>
    <message>
        <source>Drag it onto the matrix to give it a value and an effort.</source>
        <translation>Drag it onto the matrix to give it a value and an effort.</translation>
    </message>
</context>
<context>
    <name>UndoLabel</name>
    <message>
        <source>Create %1 requirements</source>
        <translation>Create %1 requirements</translation>
    </message>
    <message>
        <source>Edit %1 requirements</source>
        <translation>Edit %1 requirements</translation>
    </message>
    <message>
        <source>Move %1 requirements</source>
        <translation>Move %1 requirements</translation>
    </message>
    <message>
        <source>Delete %1 requirements</source>
        <translation>Delete %1 requirements</translation>
    </message>
    <message>
        <source>Restore %1 requirements</source>
        <translation>Restore %1 requirements</translation>
    </message>
    <message>
        <source>Rename %1 requirements</source>
        <translation>Rename %1 requirements</translation>
    </message>
    <message>
        <source>Change %1 requirements</source>
        <translation>Change %1 requirements</translation>
    </message>
    <message>
        <source>Create %1 items</source>
        <translation>Create %1 items</translation>
    </message>
    <message>
        <source>Edit %1 items</source>
        <translation>Edit %1 items</translation>
    </message>
    <message>
        <source>Move %1 items</source>
        <translation>Move %1 items</translation>
    </message>
    <message>
        <source>Delete %1 items</source>
        <translation>Delete %1 items</translation>
    </message>
    <message>
        <source>Restore %1 items</source>
        <translation>Restore %1 items</translation>
    </message>
    <message>
        <source>Rename %1 items</source>
        <translation>Rename %1 items</translation>
    </message>
    <message>
        <source>Change %1 items</source>
        <translation>Change %1 items</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>Create %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Move %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Restore %1</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>Rename %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>release</source>
        <translation>release</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>milestone</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>lane</translation>
    </message>
    <message>
        <source>section</source>
        <translation>section</translation>
    </message>
    <message>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <source>Mark link {name} reviewed</source>
        <translation>Mark link {name} reviewed</translation>
    </message>
    <message>
        <source>Mark {count} links reviewed</source>
        <translation>Mark {count} links reviewed</translation>
    </message>
    <message>
        <source>Create release {name}</source>
        <translation>Create release {name}</translation>
    </message>
    <message>
        <source>Delete release {name}</source>
        <translation>Delete release {name}</translation>
    </message>
    <message>
        <source>Delete release {name} and move its requirements to {other}</source>
        <translation>Delete release {name} and move its requirements to {other}</translation>
    </message>
    <message>
        <source>Restore release {name}</source>
        <translation>Restore release {name}</translation>
    </message>
    <message>
        <source>Rename release {name} to {new}</source>
        <translation>Rename release {name} to {new}</translation>
    </message>
    <message>
        <source>Move release {name} to {start} – {end}</source>
        <translation>Move release {name} to {start} – {end}</translation>
    </message>
    <message>
        <source>Set the goal of release {name}</source>
        <translation>Set the goal of release {name}</translation>
    </message>
    <message>
        <source>Set release {name} to {status}</source>
        <translation>Set release {name} to {status}</translation>
    </message>
    <message>
        <source>Set the capacity of release {name}</source>
        <translation>Set the capacity of release {name}</translation>
    </message>
    <message>
        <source>Reorder release {name}</source>
        <translation>Reorder release {name}</translation>
    </message>
    <message>
        <source>Edit release {name}</source>
        <translation>Edit release {name}</translation>
    </message>
    <message>
        <source>Create lane {name}</source>
        <translation>Create lane {name}</translation>
    </message>
    <message>
        <source>Delete lane {name}</source>
        <translation>Delete lane {name}</translation>
    </message>
    <message>
        <source>Restore lane {name}</source>
        <translation>Restore lane {name}</translation>
    </message>
    <message>
        <source>Rename lane {name} to {new}</source>
        <translation>Rename lane {name} to {new}</translation>
    </message>
    <message>
        <source>Set the colour of lane {name}</source>
        <translation>Set the colour of lane {name}</translation>
    </message>
    <message>
        <source>Reorder lane {name}</source>
        <translation>Reorder lane {name}</translation>
    </message>
    <message>
        <source>Edit lane {name}</source>
        <translation>Edit lane {name}</translation>
    </message>
    <message>
        <source>Create persona {name}</source>
        <translation>Create persona {name}</translation>
    </message>
    <message>
        <source>Delete persona {name}</source>
        <translation>Delete persona {name}</translation>
    </message>
    <message>
        <source>Restore persona {name}</source>
        <translation>Restore persona {name}</translation>
    </message>
    <message>
        <source>Rename persona {name} to {new}</source>
        <translation>Rename persona {name} to {new}</translation>
    </message>
    <message>
        <source>Reorder persona {name}</source>
        <translation>Reorder persona {name}</translation>
    </message>
    <message>
        <source>Edit persona {name}</source>
        <translation>Edit persona {name}</translation>
    </message>
    <message>
        <source>Set the photo of persona {name}</source>
        <translation>Set the photo of persona {name}</translation>
    </message>
    <message>
        <source>Remove the photo of persona {name}</source>
        <translation>Remove the photo of persona {name}</translation>
    </message>
    <message>
        <source>Save view {name}</source>
        <translation>Save view {name}</translation>
    </message>
    <message>
        <source>Delete view {name}</source>
        <translation>Delete view {name}</translation>
    </message>
    <message>
        <source>Restore view {name}</source>
        <translation>Restore view {name}</translation>
    </message>
    <message>
        <source>Rename view {name} to {new}</source>
        <translation>Rename view {name} to {new}</translation>
    </message>
    <message>
        <source>Reorder view {name}</source>
        <translation>Reorder view {name}</translation>
    </message>
    <message>
        <source>Update view {name}</source>
        <translation>Update view {name}</translation>
    </message>
    <message>
        <source>Create custom field {name}</source>
        <translation>Create custom field {name}</translation>
    </message>
    <message>
        <source>Delete custom field {name}</source>
        <translation>Delete custom field {name}</translation>
    </message>
    <message>
        <source>Restore custom field {name}</source>
        <translation>Restore custom field {name}</translation>
    </message>
    <message>
        <source>Rename custom field {name} to {new}</source>
        <translation>Rename custom field {name} to {new}</translation>
    </message>
    <message>
        <source>Reorder custom field {name}</source>
        <translation>Reorder custom field {name}</translation>
    </message>
    <message>
        <source>Edit custom field {name}</source>
        <translation>Edit custom field {name}</translation>
    </message>
    <message>
        <source>Change the options of custom field {name}</source>
        <translation>Change the options of custom field {name}</translation>
    </message>
    <message>
        <source>Set {name} of {key}</source>
        <translation>Set {name} of {key}</translation>
    </message>
    <message>
        <source>Set {name} of {count} requirements</source>
        <translation>Set {name} of {count} requirements</translation>
    </message>
    <message>
        <source>Set custom fields of {key}</source>
        <translation>Set custom fields of {key}</translation>
    </message>
    <message>
        <source>Set custom fields of {count} requirements</source>
        <translation>Set custom fields of {count} requirements</translation>
    </message>
    <message>
        <source>Create milestone {name}</source>
        <translation>Create milestone {name}</translation>
    </message>
    <message>
        <source>Delete milestone {name}</source>
        <translation>Delete milestone {name}</translation>
    </message>
    <message>
        <source>Restore milestone {name}</source>
        <translation>Restore milestone {name}</translation>
    </message>
    <message>
        <source>Rename milestone {name} to {new}</source>
        <translation>Rename milestone {name} to {new}</translation>
    </message>
    <message>
        <source>Move milestone {name} to {date}</source>
        <translation>Move milestone {name} to {date}</translation>
    </message>
    <message>
        <source>Link milestone {name} to release {release}</source>
        <translation>Link milestone {name} to release {release}</translation>
    </message>
    <message>
        <source>Unlink milestone {name} from its release</source>
        <translation>Unlink milestone {name} from its release</translation>
    </message>
    <message>
        <source>Edit milestone {name}</source>
        <translation>Edit milestone {name}</translation>
    </message>
    <message>
        <source>Set document title</source>
        <translation>Set document title</translation>
    </message>
    <message>
        <source>Set product name</source>
        <translation>Set product name</translation>
    </message>
    <message>
        <source>Set version</source>
        <translation>Set version</translation>
    </message>
    <message>
        <source>Set authors</source>
        <translation>Set authors</translation>
    </message>
    <message>
        <source>Set organisation</source>
        <translation>Set organisation</translation>
    </message>
    <message>
        <source>Set document language</source>
        <translation>Set document language</translation>
    </message>
    <message>
        <source>Set logo</source>
        <translation>Set logo</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Set document status</source>
        <translation>Set document status</translation>
    </message>
    <message>
        <source>Set confidentiality</source>
        <translation>Set confidentiality</translation>
    </message>
    <message>
        <source>Set document number</source>
        <translation>Set document number</translation>
    </message>
    <message>
        <source>Set reviewers</source>
        <translation>Set reviewers</translation>
    </message>
    <message>
        <source>Set scoring model</source>
        <translation>Set scoring model</translation>
    </message>
    <message>
        <source>Set scoring criteria</source>
        <translation>Set scoring criteria</translation>
    </message>
    <message>
        <source>Change key prefix to {prefix}</source>
        <translation>Change key prefix to {prefix}</translation>
    </message>
    <message>
        <source>Edit project properties</source>
        <translation>Edit project properties</translation>
    </message>
    <message>
        <source>Set Kano category of {count} requirements from survey {name}</source>
        <translation>Set Kano category of {count} requirements from survey {name}</translation>
    </message>
    <message>
        <source>Set Kano category of {key} from survey {name}</source>
        <translation>Set Kano category of {key} from survey {name}</translation>
    </message>
    <message>
        <source>Set priority of {key} to {priority}</source>
        <translation>Set priority of {key} to {priority}</translation>
    </message>
    <message>
        <source>Set priority of {count} requirements to {priority}</source>
        <translation>Set priority of {count} requirements to {priority}</translation>
    </message>
    <message>
        <source>Move {key} to release {release}</source>
        <translation>Move {key} to release {release}</translation>
    </message>
    <message>
        <source>Move {count} requirements to release {release}</source>
        <translation>Move {count} requirements to release {release}</translation>
    </message>
    <message>
        <source>Take {key} out of its release</source>
        <translation>Take {key} out of its release</translation>
    </message>
    <message>
        <source>Take {count} requirements out of their release</source>
        <translation>Take {count} requirements out of their release</translation>
    </message>
    <message>
        <source>Set value and effort of {key}</source>
        <translation>Set value and effort of {key}</translation>
    </message>
    <message>
        <source>Set release of {count} requirements</source>
        <translation>Set release of {count} requirements</translation>
    </message>
    <message>
        <source>Set release of {key}</source>
        <translation>Set release of {key}</translation>
    </message>
    <message>
        <source>Set priority of {count} requirements</source>
        <translation>Set priority of {count} requirements</translation>
    </message>
    <message>
        <source>Set priority of {key}</source>
        <translation>Set priority of {key}</translation>
    </message>
    <message>
        <source>Set status of {count} requirements</source>
        <translation>Set status of {count} requirements</translation>
    </message>
    <message>
        <source>Set status of {key}</source>
        <translation>Set status of {key}</translation>
    </message>
    <message>
        <source>Set owner of {count} requirements</source>
        <translation>Set owner of {count} requirements</translation>
    </message>
    <message>
        <source>Set owner of {key}</source>
        <translation>Set owner of {key}</translation>
    </message>
    <message>
        <source>Set lane of {count} requirements</source>
        <translation>Set lane of {count} requirements</translation>
    </message>
    <message>
        <source>Set lane of {key}</source>
        <translation>Set lane of {key}</translation>
    </message>
    <message>
        <source>Set kind of {count} requirements</source>
        <translation>Set kind of {count} requirements</translation>
    </message>
    <message>
        <source>Set kind of {key}</source>
        <translation>Set kind of {key}</translation>
    </message>
    <message>
        <source>Set Kano category of {count} requirements</source>
        <translation>Set Kano category of {count} requirements</translation>
    </message>
    <message>
        <source>Set Kano category of {key}</source>
        <translation>Set Kano category of {key}</translation>
    </message>
    <message>
        <source>Add tags to {count} requirements</source>
        <translation>Add tags to {count} requirements</translation>
    </message>
    <message>
        <source>Add tags to {key}</source>
        <translation>Add tags to {key}</translation>
    </message>
    <message>
        <source>Remove tags from {count} requirements</source>
        <translation>Remove tags from {count} requirements</translation>
    </message>
    <message>
        <source>Remove tags from {key}</source>
        <translation>Remove tags from {key}</translation>
    </message>
    <message>
        <source>Edit {count} requirements</source>
        <translation>Edit {count} requirements</translation>
    </message>
    <message>
        <source>Edit {key}</source>
        <translation>Edit {key}</translation>
    </message>
</context>
<context>
    <name>ValueInput</name>
    <message>
        <source>Business value from 0 to 10: the height in View ▸ Value vs Effort</source>
        <translation>Business value from 0 to 10: the height in View ▸ Value vs Effort</translation>
    </message>
</context>
<context>
    <name>ValueTable</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Value in the file</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Becomes</translation>
    </message>
    <message>
        <source>(from the release)</source>
        <translation>(from the release)</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(default)</translation>
    </message>
    <message>
        <source>pmdesk does not know this value: choose one</source>
        <translation>pmdesk does not know this value: choose one</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>&amp;Save View As…</source>
        <translation>&amp;Save View As…</translation>
    </message>
    <message>
        <source>&amp;Manage Views…</source>
        <translation>&amp;Manage Views…</translation>
    </message>
    <message>
        <source>Show &amp;All Requirements</source>
        <translation>Show &amp;All Requirements</translation>
    </message>
    <message>
        <source>Saved &amp;Views</source>
        <translation>Saved &amp;Views</translation>
    </message>
    <message>
        <source>Save View As</source>
        <translation>Save View As</translation>
    </message>
    <message>
        <source>Rename View</source>
        <translation>Rename View</translation>
    </message>
    <message>
        <source>A view named “%1” exists already.</source>
        <translation>A view named “%1” exists already.</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Saved views: a filter with the backlog's columns, grouping and sort</source>
        <translation>Saved views: a filter with the backlog's columns, grouping and sort</translation>
    </message>
    <message>
        <source>View “%1”</source>
        <translation>View “%1”</translation>
    </message>
    <message>
        <source>changed since it was saved</source>
        <translation>changed since it was saved</translation>
    </message>
    <message>
        <source>&amp;Update “%1”</source>
        <translation>&amp;Update “%1”</translation>
    </message>
    <message>
        <source>&amp;Rename “%1”…</source>
        <translation>&amp;Rename “%1”…</translation>
    </message>
    <message>
        <source>&amp;Delete “%1”</source>
        <translation>&amp;Delete “%1”</translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation>No saved views yet</translation>
    </message>
</context>
</TS>
