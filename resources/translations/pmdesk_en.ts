<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AcceptanceEditor</name>
    <message>
        <source>No acceptance criteria yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DescriptionEditor</name>
    <message>
        <source>Describe the requirement (Markdown)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailEditor</name>
    <message>
        <source>Created %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailForm</name>
    <message>
        <source>No requirement selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a requirement to see and edit its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoSCoW: must, should, could or won&apos;t have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kano category: how users feel about having it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. mobile, MVP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who asked for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>Add section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move section up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move section down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this section in Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New section</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinksEditor</name>
    <message>
        <source>No links yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this requirement relates to the other one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key or title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A requirement cannot be linked to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requirement matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several requirements match “%1”: pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roadmap timeline arrives in a later version of pmdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blank project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PRD template (中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PRD template (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About pmdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About pmdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;pmdesk %1&lt;/h3&gt;&lt;p&gt;An offline roadmap and PRD editor for product managers.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Set a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in the history of every change you make.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when pmdesk starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Read-only preview: editing arrives with the main window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequirementTreeView</name>
    <message>
        <source>New requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New child requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiceInputs</name>
    <message>
        <source>How many people or events this reaches per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Massive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much it moves the goal for each person reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure you are of reach and impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> person-months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work for the whole team, in person-months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in all four inputs to get a score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach × Impact × Confidence ÷ Effort</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <source>Filter by key or title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any release</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
