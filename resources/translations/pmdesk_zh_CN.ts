<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptanceEditor</name>
    <message>
        <source>No acceptance criteria yet</source>
        <translation>尚无验收标准</translation>
    </message>
    <message>
        <source>Add a criterion</source>
        <translation>添加一条验收标准</translation>
    </message>
    <message>
        <source>Remove the selected criterion</source>
        <translation>删除选中的验收标准</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>Backlog</name>
    <message>
        <source>QT_COLLATION_LOCALE</source>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>顶层需求</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>未分配版本</translation>
    </message>
    <message>
        <source>No lane</source>
        <translation>未分配泳道</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>未指定负责人</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>无用户画像</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>覆盖面</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>信心</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>投入</translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation>RICE 得分</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>按%1</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>设置%1</translation>
    </message>
</context>
<context>
    <name>BacklogPane</name>
    <message>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>By parent</source>
        <translation>按上级需求</translation>
    </message>
    <message>
        <source>By release</source>
        <translation>按版本</translation>
    </message>
    <message>
        <source>By lane</source>
        <translation>按泳道</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>按负责人</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>By priority</source>
        <translation>按优先级</translation>
    </message>
    <message>
        <source>By persona</source>
        <translation>按用户画像</translation>
    </message>
    <message>
        <source>Group the rows by a field</source>
        <translation>按某个字段对行分组</translation>
    </message>
    <message>
        <source>Edit Selected…</source>
        <translation>批量编辑…</translation>
    </message>
    <message>
        <source>Set the release, priority, status, owner, lane or tags of every selected row</source>
        <translation>设置所有选中行的版本、优先级、状态、负责人、泳道或标签</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>&amp;Edit Selected Requirements…</source>
        <translation>批量编辑选中的需求(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s)</source>
        <translation>
            <numerusform>%n 条需求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n requirement(s)</source>
        <translation>
            <numerusform>%1 / %n 条需求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Set &amp;Priority</source>
        <translation>设置优先级(&amp;P)</translation>
    </message>
    <message>
        <source>Set &amp;Status</source>
        <translation>设置状态(&amp;S)</translation>
    </message>
    <message>
        <source>Set &amp;Release</source>
        <translation>设置版本(&amp;R)</translation>
    </message>
    <message>
        <source>Set &amp;Lane</source>
        <translation>设置泳道(&amp;L)</translation>
    </message>
</context>
<context>
    <name>BacklogView</name>
    <message>
        <source>Original Order</source>
        <translation>原始顺序</translation>
    </message>
    <message>
        <source>Rows in the tree's order, not sorted</source>
        <translation>按需求树中的顺序排列，不排序</translation>
    </message>
    <message>
        <source>Default Columns</source>
        <translation>默认列</translation>
    </message>
</context>
<context>
    <name>BaselinesDialog</name>
    <message>
        <source>Baselines</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>New Baseline…</source>
        <translation>新建基线…</translation>
    </message>
    <message>
        <source>Keep the project as it is now under a name</source>
        <translation>以一个名称保存项目此刻的状态</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Compare with Current</source>
        <translation>与当前比较</translation>
    </message>
    <message>
        <source>Show what changed in the requirements since the selected baseline</source>
        <translation>显示自所选基线以来需求的变化</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>In the baseline</source>
        <translation>基线中</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Create baseline “%1”</source>
        <translation>创建基线「%1」</translation>
    </message>
    <message>
        <source>Rename baseline “%1”</source>
        <translation>重命名基线「%1」</translation>
    </message>
    <message>
        <source>Delete baseline “%1”</source>
        <translation>删除基线「%1」</translation>
    </message>
    <message>
        <source>No baselines yet.

A baseline keeps the project as it is at a moment you name, such as the version sent for review, so that you can see later what changed since. Exports can list those changes and build the PRD's revision history from the baselines.</source>
        <translation>还没有基线。

基线会以一个名称保存项目在某一时刻的状态（例如提交评审的版本），以后就能看到此后改了什么。导出时可以列出这些变更，并根据基线生成 PRD 的修订记录。</translation>
    </message>
    <message>
        <source>Select a baseline to see what changed since.</source>
        <translation>选择一个基线，查看此后的变化。</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed</source>
        <translation>新增 %1 项，修改 %2 项，删除 %3 项</translation>
    </message>
    <message>
        <source>Since “%1” (%2, %3): %4</source>
        <translation>自「%1」（%2，%3）以来：%4</translation>
    </message>
    <message>
        <source>No requirement changed since this baseline.</source>
        <translation>自该基线以来需求没有变化。</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>新增的需求（%1）</translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation>删除的需求（%1）</translation>
    </message>
    <message>
        <source>Changed (%1)</source>
        <translation>修改的需求（%1）</translation>
    </message>
    <message>
        <source>%1 is no longer in the project.</source>
        <translation>%1 已不在项目中。</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
</context>
<context>
    <name>BoardPane</name>
    <message>
        <source>Releases</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Drop cards on a release to move them into it. Rejected requirements are not on the board (nor in these counts).</source>
        <translation>把卡片拖到某个版本上即可移入该版本。已拒绝的需求不在看板上（也不计入这些数量）。</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>无版本</translation>
    </message>
    <message>
        <source>The Musts alone exceed this release's capacity</source>
        <translation>仅 Must 需求的工作量就已超出该版本的容量</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) not planned</source>
        <translation>
            <numerusform>%n 条需求未排入版本</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The Musts alone need %1 person-days: more than the capacity of %2.</source>
        <translation>⚠ 仅 Must 需求就需要 %1 人天，超出容量 %2 人天。</translation>
    </message>
    <message>
        <source>%1 person-days planned · capacity not set</source>
        <translation>已排 %1 人天 · 未设置容量</translation>
    </message>
    <message>
        <source>%1 of %2 person-days planned · Musts %3</source>
        <translation>已排 %1 / %2 人天 · Must %3 人天</translation>
    </message>
    <message>
        <source> · %1 without effort</source>
        <translation> · %1 条未估工作量</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <source>Move to &amp;Release</source>
        <translation>移到版本(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>显示详情(&amp;D)</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>%1 pm</source>
        <translation>%1 人月</translation>
    </message>
    <message>
        <source>MoSCoW board</source>
        <translation>MoSCoW 看板</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) · %1 person-days</source>
        <translation>
            <numerusform>%n 张卡片 · %1 人天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Edit Selected Requirements</source>
        <translation>批量编辑需求</translation>
    </message>
    <message numerus="yes">
        <source>Change %n selected requirement(s):</source>
        <translation>
            <numerusform>修改选中的 %n 条需求：</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a value</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>字段(&amp;F)：</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>新值(&amp;V)：</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. mobile, MVP</source>
        <translation>用逗号分隔，例如：移动端, MVP</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change Log</source>
        <translation>变更日志</translation>
    </message>
    <message>
        <source>Key, title or value</source>
        <translation>编号、标题或内容</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>No changes match these filters.</source>
        <translation>没有符合筛选条件的变更。</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>修改人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
</context>
<context>
    <name>ChoiceButton</name>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>%1 also changed %n thing(s) you changed. Choose which version to keep.</source>
        <translation>
            <numerusform>%1 同时修改了你修改过的 %n 处内容，请选择保留哪个版本。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Dates</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Kept, and used by new content</source>
        <translation>保留，并被新内容引用</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>修改了：%1</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>无版本</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>无用户画像</translation>
    </message>
    <message>
        <source>No lane</source>
        <translation>无泳道</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Picture, %1 KB</source>
        <translation>图片，%1 KB</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>No dates</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>At the top level</source>
        <translation>在顶层</translation>
    </message>
    <message>
        <source>Under %1</source>
        <translation>在 %1 之下</translation>
    </message>
    <message>
        <source>%1, place %2 of %3</source>
        <translation>%1，第 %2 位（共 %3 个）</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>覆盖面</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>信心</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>投入</translation>
    </message>
    <message>
        <source>No RICE inputs</source>
        <translation>无 RICE 数据</translation>
    </message>
    <message>
        <source>%1: %2 (was %3)</source>
        <translation>%1：%2（原为 %3）</translation>
    </message>
    <message>
        <source>Added under it or linked to it:</source>
        <translation>新加在它下面或与它关联的内容：</translation>
    </message>
    <message>
        <source>Nothing in it was changed, but new content refers to it (a child, a link).</source>
        <translation>内容没有修改，但有新内容引用了它（子需求或关联）。</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>You deleted %1; %2 changed its %3.</source>
        <translation>你删除了 %1，而 %2 修改了它的%3。</translation>
    </message>
    <message>
        <source>You deleted %1; %2 added something that refers to it.</source>
        <translation>你删除了 %1，而 %2 添加了引用它的内容。</translation>
    </message>
    <message>
        <source>%2 deleted %1; you changed its %3.</source>
        <translation>%2 删除了 %1，而你修改了它的%3。</translation>
    </message>
    <message>
        <source>%2 deleted %1; you added something that refers to it.</source>
        <translation>%2 删除了 %1，而你添加了引用它的内容。</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep their version</source>
        <translation>保留对方的版本</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>待选择…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Theirs (%1)</source>
        <translation>对方（%1）</translation>
    </message>
    <message>
        <source>Choose between your changes and theirs</source>
        <translation>选择保留你的修改还是对方的修改</translation>
    </message>
    <message>
        <source>Everything else was merged automatically. The merge is one step you can undo.</source>
        <translation>其余修改已自动合并。整个合并可一步撤销。</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <source>Alt+M or 1</source>
        <translation>Alt+M 或 1</translation>
    </message>
    <message>
        <source>Alt+T or 2</source>
        <translation>Alt+T 或 2</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Type a value of your own (Alt+E or F2)</source>
        <translation>自行输入新的内容（Alt+E 或 F2）</translation>
    </message>
    <message>
        <source>1 or Alt+M: yours · 2 or Alt+T: theirs · F2: edit · ↑↓: next conflict</source>
        <translation>1 或 Alt+M：你的 · 2 或 Alt+T：对方的 · F2：编辑 · ↑↓：切换冲突</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>全部保留我的</translation>
    </message>
    <message>
        <source>Take all theirs</source>
        <translation>全部采用对方的</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Where the two versions differ, both are included: yours first, then theirs. Keep what you want and delete the rest.</source>
        <translation>两个版本不同的地方都已列出：先是你的，后是对方的。保留需要的内容，删掉其余部分。</translation>
    </message>
    <message>
        <source>%1 of %2 chosen</source>
        <translation>已选择 %1 / %2 处</translation>
    </message>
    <message>
        <source>All %1 chosen</source>
        <translation>%1 处均已选择</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>原值：%1</translation>
    </message>
    <message>
        <source>Your edit: %1</source>
        <translation>你的编辑：%1</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Edit the value</source>
        <translation>编辑内容</translation>
    </message>
</context>
<context>
    <name>CoreError</name>
    <message>
        <source>{path} is a folder, not a pmdesk project.</source>
        <translation>{path} 是文件夹，不是 pmdesk 项目。</translation>
    </message>
    <message>
        <source>{path} is not a regular file, so not a pmdesk project.</source>
        <translation>{path} 不是普通文件，因此不是 pmdesk 项目。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation>无法读取 {path}：没有权限。</translation>
    </message>
    <message>
        <source>{path} cannot be read: it is a symbolic link that leads back to itself.</source>
        <translation>{path} 无法读取：它是指向自身的符号链接。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is empty, so it is not a pmdesk project.</source>
        <translation>{name} 是空文件，不是 pmdesk 项目。</translation>
    </message>
    <message>
        <source>{name} is a text file, not a pmdesk project.</source>
        <translation>{name} 是文本文件，不是 pmdesk 项目。</translation>
    </message>
    <message>
        <source>{name} is not a pmdesk project (it is not a database at all).</source>
        <translation>{name} 不是 pmdesk 项目（它根本不是数据库）。</translation>
    </message>
    <message>
        <source>{name} is damaged: the file is cut short.</source>
        <translation>{name} 已损坏：文件不完整。</translation>
    </message>
    <message>
        <source>{name} is a database of another application, not a pmdesk project.</source>
        <translation>{name} 是其他应用程序的数据库，不是 pmdesk 项目。</translation>
    </message>
    <message>
        <source>{name} was saved by a newer pmdesk (file format {version}; this version reads up to {supported}): please update pmdesk to open it.</source>
        <translation>{name} 由更新版本的 pmdesk 保存（文件格式 {version}；当前版本最高只能读取 {supported}）：请更新 pmdesk 后再打开。</translation>
    </message>
    <message>
        <source>{name} is damaged: it has no schema version.</source>
        <translation>{name} 已损坏：缺少结构版本。</translation>
    </message>
    <message>
        <source>{name} cannot be opened: {detail}.</source>
        <translation>无法打开 {name}：{detail}。</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read.</source>
        <translation>{name} 已损坏，无法读取。</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read: its table {table} is missing.</source>
        <translation>{name} 已损坏，无法读取：缺少数据表“{table}”。</translation>
    </message>
    <message>
        <source>Cannot copy {name}: {detail}.</source>
        <translation>无法复制 {name}：{detail}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {folder} is not a folder.</source>
        <translation>无法写入 {path}：{folder} 不是文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>无法写入 {path}：它是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is not a regular file.</source>
        <translation>无法写入 {path}：它不是普通文件。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is write-protected, so pmdesk leaves it as it is: make it writable first, or write another file.</source>
        <translation>{name} 是写保护的，pmdesk 不会修改它：请先让它可写，或写入另一个文件。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a symbolic link that leads back to itself.</source>
        <translation>无法写入 {path}：它是指向自身的符号链接。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the new file is inconsistent.</source>
        <translation>无法写入 {path}：新文件内容不一致。</translation>
    </message>
    <message>
        <source>{name} is already open in another pmdesk window (process {pid}).</source>
        <translation>{name} 已在另一个 pmdesk 窗口中打开（进程 {pid}）。</translation>
    </message>
    <message>
        <source>{name} is open in another pmdesk window.</source>
        <translation>{name} 已在另一个 pmdesk 窗口中打开。</translation>
    </message>
    <message>
        <source>{name} is opened by {user} on {host} since {time}.</source>
        <translation>{name} 已由 {user} 在 {host} 上打开（自 {time} 起）。</translation>
    </message>
    <message>
        <source>{name} is locked by someone pmdesk cannot name: its lock file {lock} cannot be read.</source>
        <translation>{name} 已被锁定，但无法得知是谁：锁文件 {lock} 无法读取。</translation>
    </message>
    <message>
        <source>{name} is locked by someone pmdesk cannot name: its lock file {lock} is a symbolic link that leads back to itself.</source>
        <translation>{name} 已被 pmdesk 无法识别的人锁定：其锁文件 {lock} 是指向自身的符号链接。</translation>
    </message>
    <message>
        <source>{name} is open read-only, so the change was not made. Save As makes a copy you can edit.</source>
        <translation>{name} 以只读方式打开，修改未生效。用“另存为”可得到一份可以编辑的副本。</translation>
    </message>
    <message>
        <source>{name} has {count} unsaved edits from an earlier session that ended without saving; recover or discard them first.</source>
        <translation>{name} 有 {count} 处上次未保存就结束的修改；请先恢复或放弃这些修改。</translation>
    </message>
    <message>
        <source>{name} has an unsaved edit from an earlier session that ended without saving; recover or discard it first.</source>
        <translation>{name} 有 1 处上次未保存就结束的修改；请先恢复或放弃这处修改。</translation>
    </message>
    <message>
        <source>The unsaved work for {name} is no longer there.</source>
        <translation>{name} 的未保存内容已不存在。</translation>
    </message>
    <message>
        <source>{name} was changed by someone else since you opened it; it was not overwritten.</source>
        <translation>自你打开 {name} 以来，它已被他人修改；未覆盖该文件。</translation>
    </message>
    <message>
        <source>Not saved: the copy failed its integrity check ({detail}); {name} was left as it was.</source>
        <translation>未保存：副本未通过完整性检查（{detail}）；{name} 保持原样。</translation>
    </message>
    <message>
        <source>{name} is being saved by someone else right now; it was not overwritten. Try again in a moment.</source>
        <translation>其他人正在保存 {name}，未覆盖该文件。请稍后再试。</translation>
    </message>
    <message>
        <source>Cannot open {name}: the disk holding your pmdesk data folder ({folder}) is full.</source>
        <translation>无法打开 {name}：pmdesk 数据文件夹（{folder}）所在的磁盘已满。</translation>
    </message>
    <message>
        <source>Cannot open {name}: pmdesk cannot write its data folder ({folder}): {reason}.</source>
        <translation>无法打开 {name}：pmdesk 无法写入其数据文件夹（{folder}）：{reason}。</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full.</source>
        <translation>{folder} 所在的磁盘已满。</translation>
    </message>
    <message>
        <source>Cannot create a new project: the disk holding your pmdesk data folder ({folder}) is full.</source>
        <translation>无法新建项目：pmdesk 数据文件夹（{folder}）所在的磁盘已满。</translation>
    </message>
    <message>
        <source>Not saved: the disk that holds pmdesk's data folder ({folder}) is full; {name} was left as it was and your edits are kept. Free some space there and save again.</source>
        <translation>未保存：存放 pmdesk 数据文件夹（{folder}）的磁盘已满；{name} 保持原样，你的修改仍然保留。请在该磁盘上腾出空间后再保存。</translation>
    </message>
    <message>
        <source>Not saved: pmdesk cannot write in its data folder {folder} ({reason}); {name} was left as it was and your edits are kept.</source>
        <translation>未保存：pmdesk 无法写入其数据文件夹 {folder}（{reason}）；{name} 保持原样，你的修改仍然保留。</translation>
    </message>
    <message>
        <source>Not saved: the disk holding {folder} is full; {name} was left as it was and your edits are kept. Free some space there and save again.</source>
        <translation>未保存：{folder} 所在的磁盘已满；{name} 保持原样，你的修改仍然保留。请在该磁盘上腾出空间后再保存。</translation>
    </message>
    <message>
        <source>{name} had been replaced by an older copy; your version, with everything in it, is saved again.</source>
        <translation>{name} 曾被一个较旧的副本替换；你的版本（包含其中的全部内容）已重新保存。</translation>
    </message>
    <message>
        <source>Not saved: {name} in {folder} has been replaced by a damaged file, which holds nothing to merge; your edits are kept: save them elsewhere with Save As, or save again to put your version in its place.</source>
        <translation>未保存：{folder} 中的 {name} 已被一个损坏的文件替换，其中没有可合并的内容；你的修改仍然保留：可用“另存为”保存到别处，或再次保存，用你的版本替换它。</translation>
    </message>
    <message>
        <source>Not saved: {name} in {folder} has been replaced by a database of another application; your edits are kept: save them elsewhere with Save As, or save again to put your version in its place.</source>
        <translation>未保存：{folder} 中的 {name} 已被另一个应用程序的数据库替换；你的修改仍然保留：可用“另存为”保存到别处，或再次保存，用你的版本替换它。</translation>
    </message>
    <message>
        <source>{name} in {folder} could not be read as a project; your version has been saved in its place.</source>
        <translation>{folder} 中的 {name} 无法作为项目读取；你的版本已保存到它的位置。</translation>
    </message>
    <message>
        <source>{name} is no longer in {folder}; your edits are kept.</source>
        <translation>{name} 已不在 {folder} 中；你的修改仍然保留。</translation>
    </message>
    <message>
        <source>{name} was no longer in {folder}; your version has been saved there again.</source>
        <translation>{name} 曾不在 {folder} 中；你的版本已重新保存到那里。</translation>
    </message>
    <message>
        <source>{names} are not copies of one project, so they cannot be merged.</source>
        <translation>{names} 不是同一项目的副本，无法合并。</translation>
    </message>
    <message>
        <source>{name} now holds a different project, so it cannot be merged with yours; use Save As to keep your work.</source>
        <translation>{name} 现在是另一个项目，无法与你的工作合并；请用“另存为”保存你的工作。</translation>
    </message>
    <message>
        <source>{name} holds nothing that is not in the project already.</source>
        <translation>{name} 中没有本项目尚未包含的内容。</translation>
    </message>
    <message>
        <source>{base} is not the version both copies started from (it has changes that {other} lacks); give the copy as it was first shared.</source>
        <translation>{base} 不是两份副本共同的起点（它有 {other} 所没有的修改）；请提供最初共享出去的那份副本。</translation>
    </message>
    <message>
        <source>pmdesk cannot tell which version {name} was copied from (it keeps the versions opened or saved on this computer); merge it with pmdesk merge and the copy as sent.</source>
        <translation>pmdesk 无法判断 {name} 是从哪个版本复制出去的（它只保留在这台电脑上打开或保存过的版本）；请用 pmdesk merge 和当初发出的副本来合并。</translation>
    </message>
    <message>
        <source>The merge no longer fits the project (it was edited meanwhile); try again.</source>
        <translation>合并已不适用于当前项目（其间项目被修改过），请重试。</translation>
    </message>
    <message>
        <source>{count} conflicting changes need a decision before {name} can be saved.</source>
        <translation>有 {count} 处冲突的修改需要你决定，之后才能保存 {name}。</translation>
    </message>
    <message>
        <source>A conflicting change needs a decision before {name} can be saved.</source>
        <translation>有 1 处冲突的修改需要你决定，之后才能保存 {name}。</translation>
    </message>
    <message>
        <source>The change was refused by the project file ({detail}).</source>
        <translation>项目文件拒绝了这次修改（{detail}）。</translation>
    </message>
    <message>
        <source>The change could not be written to {name}: {reason}.</source>
        <translation>无法将这次修改写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>The change to {name} could not be written in your pmdesk data folder ({folder}): {reason}.</source>
        <translation>无法在你的 pmdesk 数据文件夹（{folder}）中写入对 {name} 的这次修改：{reason}。</translation>
    </message>
    <message>
        <source>{name} takes text: {value} is not text.</source>
        <translation>{name}只能填写文本：{value} 不是文本。</translation>
    </message>
    <message>
        <source>{name} takes a person's name on one line: {value} is not one.</source>
        <translation>{name}只能填写一行人名：{value} 不是人名。</translation>
    </message>
    <message>
        <source>{name} takes a number: {value} is not a number.</source>
        <translation>{name}只能填写数字：{value} 不是数字。</translation>
    </message>
    <message>
        <source>{name} takes a date like 2027-03-31: {value} is not one.</source>
        <translation>{name}只能填写日期（如 2027-03-31）：{value} 不是日期。</translation>
    </message>
    <message>
        <source>{name} takes one of its options ({options}): {value} is not one of them.</source>
        <translation>{name}只能从选项（{options}）中选择：{value} 不在其中。</translation>
    </message>
    <message>
        <source>{name} takes a list of its options ({options}): {value} is not one.</source>
        <translation>{name}只能从选项（{options}）中多选：{value} 不是选项列表。</translation>
    </message>
    <message>
        <source>There is no custom field {uid} in this project.</source>
        <translation>本项目没有自定义字段 {uid}。</translation>
    </message>
    <message>
        <source>{name} holds values already: its kind cannot change from {old} to {new}.</source>
        <translation>{name}已有取值：字段类型不能从 {old} 改为 {new}。</translation>
    </message>
    <message>
        <source>“{prefix}” cannot be a key prefix: use 1 to 10 letters or digits, starting with a letter.</source>
        <translation>“{prefix}”不能作为编号前缀：请使用 1 到 10 个字母或数字，并以字母开头。</translation>
    </message>
    <message>
        <source>The requirements of a deleted release cannot move to that same release.</source>
        <translation>被删除版本的需求不能移到这个版本本身。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a CSV survey.</source>
        <translation>{path} 是文件夹，不是 CSV 问卷数据。</translation>
    </message>
    <message>
        <source>{name} is an Excel workbook, not a CSV file: save it as CSV UTF-8 and import that.</source>
        <translation>{name} 是 Excel 工作簿，不是 CSV 文件：请另存为“CSV UTF-8”后再导入。</translation>
    </message>
    <message>
        <source>{name} is empty: a survey needs a row of column titles and a row per respondent.</source>
        <translation>{name} 是空文件：问卷数据需要一行列标题，每位受访者一行答案。</translation>
    </message>
    <message>
        <source>{name} is not a text file, so it is not a CSV survey.</source>
        <translation>{name} 不是文本文件，因此不是 CSV 问卷数据。</translation>
    </message>
    <message>
        <source>{name} is not readable text: save it again as CSV UTF-8.</source>
        <translation>{name} 不是可读的文本：请重新另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>{name} is neither UTF-8 nor GB18030 text (row {row}): save it again as CSV UTF-8.</source>
        <translation>{name} 既不是 UTF-8 也不是 GB18030 编码的文本（第 {row} 行）：请重新另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>{name} is not a valid CSV file ({detail}).</source>
        <translation>{name} 不是有效的 CSV 文件（{detail}）。</translation>
    </message>
    <message>
        <source>{name} holds no Kano questions: no column title names a requirement key with “functional” or “dysfunctional” (功能型/正向, 反向/负向), and there are no requirement, functional and dysfunctional columns.</source>
        <translation>{name} 中没有 Kano 问题：没有哪一列的标题同时写明需求编号和“正向”/“功能型”或“反向”/“负向”，也没有“需求”“正向”“反向”这几列。</translation>
    </message>
    <message>
        <source>{name} holds no answers: no respondent answered both questions of a requirement.</source>
        <translation>{name} 中没有可用的答案：没有受访者同时回答了某条需求的正向和反向问题。</translation>
    </message>
    <message>
        <source>{name}, column “{column}”: {key} is not a requirement of this project.</source>
        <translation>{name}，“{column}”列：本项目中没有需求 {key}。</translation>
    </message>
    <message>
        <source>{name}, row {row}, column “{column}”: {key} is not a requirement of this project.</source>
        <translation>{name}，第 {row} 行“{column}”列：本项目中没有需求 {key}。</translation>
    </message>
    <message>
        <source>{name}, row {row}, column “{column}”: “{value}” names no requirement key.</source>
        <translation>{name}，第 {row} 行“{column}”列：“{value}”中没有需求编号。</translation>
    </message>
    <message>
        <source>{name}, column “{column}”: it names {key} but not whether it is the functional or the dysfunctional question.</source>
        <translation>{name}，“{column}”列：写明了 {key}，但没有写明是正向问题还是反向问题。</translation>
    </message>
    <message>
        <source>{name}: {key} has a functional question (column “{column}”) but no dysfunctional one.</source>
        <translation>{name}：{key} 有正向问题（“{column}”列），但没有反向问题。</translation>
    </message>
    <message>
        <source>{name}: {key} has a dysfunctional question (column “{column}”) but no functional one.</source>
        <translation>{name}：{key} 有反向问题（“{column}”列），但没有正向问题。</translation>
    </message>
    <message>
        <source>{name}: {key} has two functional questions, columns “{first}” and “{second}”.</source>
        <translation>{name}：{key} 有两个正向问题，分别在“{first}”列和“{second}”列。</translation>
    </message>
    <message>
        <source>{name}: {key} has two dysfunctional questions, columns “{first}” and “{second}”.</source>
        <translation>{name}：{key} 有两个反向问题，分别在“{first}”列和“{second}”列。</translation>
    </message>
    <message>
        <source>{name}, row {row}, column “{column}”: “{value}” is not a Kano answer (I like it, It must be that way, I am neutral, I can live with it, I dislike it, or 1 to 5).</source>
        <translation>{name}，第 {row} 行“{column}”列：“{value}”不是 Kano 问卷的答案（应为我很喜欢、理所当然、无所谓、能忍受、我很不喜欢，或 1 到 5）。</translation>
    </message>
    <message>
        <source>{name}, row {row}: it has more cells than the {count} column titles.</source>
        <translation>{name}，第 {row} 行：单元格比 {count} 个列标题还多。</translation>
    </message>
    <message>
        <source>{name}, row {row}: respondent {respondent} answered {key} already, in row {first}.</source>
        <translation>{name}，第 {row} 行：受访者 {respondent} 已在第 {first} 行回答过 {key}。</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>文件或其所在文件夹是只读的</translation>
    </message>
    <message>
        <source>the file or its folder cannot be reached</source>
        <translation>无法访问文件或其所在文件夹</translation>
    </message>
    <message>
        <source>the disk reported a read or write error</source>
        <translation>磁盘报告了读写错误</translation>
    </message>
    <message>
        <source>another program is using the file</source>
        <translation>另一个程序正在使用该文件</translation>
    </message>
    <message>
        <source>The {entity} {field} is not valid: {detail}.</source>
        <translation>{entity}的 {field} 无效：{detail}。</translation>
    </message>
    <message>
        <source>The {entity} dates are not valid: {detail}.</source>
        <translation>{entity}的日期无效：{detail}。</translation>
    </message>
    <message>
        <source>The {entity} {uid} does not exist.</source>
        <translation>{entity} {uid} 不存在。</translation>
    </message>
    <message>
        <source>The {entity} {uid} exists already.</source>
        <translation>{entity} {uid} 已存在。</translation>
    </message>
    <message>
        <source>A {entity} cannot be created.</source>
        <translation>无法创建{entity}。</translation>
    </message>
    <message>
        <source>The parent requirement {uid} does not exist.</source>
        <translation>上级需求 {uid} 不存在。</translation>
    </message>
    <message>
        <source>A {entity} has no parent.</source>
        <translation>{entity}没有上级。</translation>
    </message>
    <message>
        <source>A {entity} has no order to change.</source>
        <translation>{entity}没有可调整的顺序。</translation>
    </message>
    <message>
        <source>Position {index} is not valid.</source>
        <translation>位置 {index} 无效。</translation>
    </message>
    <message>
        <source>A requirement cannot be moved into its own subtree.</source>
        <translation>不能把需求移动到它自己的下级中。</translation>
    </message>
    <message>
        <source>The project itself cannot be deleted.</source>
        <translation>不能删除项目本身。</translation>
    </message>
    <message>
        <source>A link needs a requirement at both ends.</source>
        <translation>关联的两端都必须是需求。</translation>
    </message>
    <message>
        <source>A requirement cannot be linked to itself.</source>
        <translation>需求不能关联到自身。</translation>
    </message>
    <message>
        <source>These two requirements are already linked that way.</source>
        <translation>这两条需求之间已有同类关联。</translation>
    </message>
    <message>
        <source>{path} exists already; pass --replace to overwrite it.</source>
        <translation>{path} 已存在；如需覆盖请加上 --replace。</translation>
    </message>
    <message>
        <source>{path} is a folder.</source>
        <translation>{path} 是文件夹。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a JSON snapshot.</source>
        <translation>{path} 是文件夹，不是 JSON 快照。</translation>
    </message>
    <message>
        <source>{path} is not a regular file, so not a JSON snapshot.</source>
        <translation>{path} 不是普通文件，因此不是 JSON 快照。</translation>
    </message>
    <message>
        <source>{name} is larger than 2 GB; it is not a snapshot.</source>
        <translation>{name} 大于 2 GB，不是快照。</translation>
    </message>
    <message>
        <source>{name} is a database (maybe a pmdesk project), not a JSON snapshot.</source>
        <translation>{name} 是数据库文件（可能是 pmdesk 项目），不是 JSON 快照。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text, so it is not a snapshot.</source>
        <translation>{name} 不是 UTF-8 文本，因此不是快照。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (line {line}, column {column}), so it is not a snapshot.</source>
        <translation>{name} 不是 UTF-8 文本（第 {line} 行第 {column} 列），因此不是快照。</translation>
    </message>
    <message>
        <source>{name} nests lists or objects more than {limit} levels deep (line {line}, column {column}), so it is not a snapshot.</source>
        <translation>{name} 的列表或对象嵌套超过 {limit} 层（第 {line} 行第 {column} 列），因此不是快照。</translation>
    </message>
    <message>
        <source>{name} nests lists or objects more than {limit} levels deep, so it is not a snapshot.</source>
        <translation>{name} 的列表或对象嵌套超过 {limit} 层，因此不是快照。</translation>
    </message>
    <message>
        <source>{name} is not valid JSON (line {line}, column {column}: {detail}).</source>
        <translation>{name} 不是有效的 JSON（第 {line} 行第 {column} 列：{detail}）。</translation>
    </message>
    <message>
        <source>This JSON is not a pmdesk snapshot (it has no pmdesk_snapshot field).</source>
        <translation>此 JSON 不是 pmdesk 快照（缺少 pmdesk_snapshot 字段）。</translation>
    </message>
    <message>
        <source>The snapshot has format version {version}; this pmdesk reads version 1: please update pmdesk.</source>
        <translation>该快照的格式版本为 {version}；当前 pmdesk 只能读取版本 1：请更新 pmdesk。</translation>
    </message>
    <message>
        <source>pmdesk_snapshot: {version} is not a snapshot version.</source>
        <translation>pmdesk_snapshot：{version} 不是快照版本号。</translation>
    </message>
    <message>
        <source>{name} is a project file name; give the export another name.</source>
        <translation>{name} 是项目文件名，请为导出文件另起一个名字。</translation>
    </message>
    <message>
        <source>{path} is a database, maybe a project; give the export another name.</source>
        <translation>{path} 是一个数据库文件，可能是项目文件，请为导出文件另起一个名字。</translation>
    </message>
    <message>
        <source>The project has no baseline named “{name}” (baselines: {names}).</source>
        <translation>项目中没有名为「{name}」的基线（现有基线：{names}）。</translation>
    </message>
    <message>
        <source>The baseline “{name}” is damaged: its frozen copy of the project cannot be read ({detail}). Delete the baseline, or open a backup of the project.</source>
        <translation>基线“{name}”已损坏：无法读取其冻结的项目副本（{detail}）。请删除该基线，或打开项目的备份。</translation>
    </message>
    <message>
        <source>A baseline needs a name.</source>
        <translation>基线需要一个名称。</translation>
    </message>
    <message>
        <source>A baseline name can be at most {limit} characters long.</source>
        <translation>基线名称最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The project already has a baseline named “{name}”; choose another name.</source>
        <translation>项目中已有名为「{name}」的基线，请另取一个名称。</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>saved view</source>
        <translation>已保存视图</translation>
    </message>
    <message>
        <source>link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
</context>
<context>
    <name>CriteriaInputs</name>
    <message>
        <source>No criteria yet: add them in Project ▸ Properties.</source>
        <translation>还没有评分项：请在“项目 ▸ 属性”中添加。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <source>Σ weight × value ÷ scale, as a share of all weights</source>
        <translation>Σ 权重 × 得分 ÷ 满分，占全部权重的百分比</translation>
    </message>
    <message>
        <source>Score every criterion to get a score</source>
        <translation>为每个评分项打分后即可得出总分</translation>
    </message>
</context>
<context>
    <name>CustomFieldsWindow</name>
    <message>
        <source>Custom Fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a field (Ctrl+N)</source>
        <translation>添加字段（Ctrl+N）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the chosen field (Delete)</source>
        <translation>删除选中的字段（Delete）</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移（Alt+↑）</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移（Alt+↓）</translation>
    </message>
    <message>
        <source>No custom fields yet. Add one for what your team tracks and pmdesk has no field for: a team, an estimate, a customer, a due date…</source>
        <translation>尚无自定义字段。团队要跟踪而 pmdesk 没有的信息，都可以添加为字段：负责团队、估算、客户、截止日期……</translation>
    </message>
    <message>
        <source>For example: Team, Estimate, Customer</source>
        <translation>例如：负责团队、估算、客户</translation>
    </message>
    <message>
        <source>One option a line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <source>One option a line. Change a line to rename that option wherever it was chosen; remove a line to clear it there.</source>
        <translation>每行一个选项。修改某一行，已选该选项的需求随之改名；删除某一行，已选该选项的需求随之清空。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>The kind is fixed while requirements hold a value of this field.</source>
        <translation>已有需求填写了该字段，类型不能再改。</translation>
    </message>
    <message numerus="yes">
        <source>Set in %n requirement(s).</source>
        <translation>
            <numerusform>%n 条需求已填写。</numerusform>
        </translation>
    </message>
    <message>
        <source>No requirement holds a value of this field yet.</source>
        <translation>尚无需求填写该字段。</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>新字段</translation>
    </message>
    <message>
        <source>Delete the custom field “%1”?</source>
        <translation>删除自定义字段“%1”？</translation>
    </message>
    <message numerus="yes">
        <source>Its value in %n requirement(s) goes with it.</source>
        <translation>
            <numerusform>%n 条需求中的取值将一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo brings it back.</source>
        <translation>可以撤销恢复。</translation>
    </message>
    <message>
        <source>Delete Custom Field</source>
        <translation>删除自定义字段</translation>
    </message>
</context>
<context>
    <name>CustomInput</name>
    <message>
        <source>Nobody yet</source>
        <translation>尚未指定</translation>
    </message>
</context>
<context>
    <name>DatesButton</name>
    <message>
        <source>Filter by dates</source>
        <translation>按日期筛选</translation>
    </message>
    <message>
        <source>Start and end within</source>
        <translation>起止都在范围内</translation>
    </message>
    <message>
        <source>Overlapping the range</source>
        <translation>与范围有重叠</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DescriptionEditor</name>
    <message>
        <source>Describe the requirement (Markdown)…</source>
        <translation>描述这条需求（支持 Markdown）…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>No description yet.</source>
        <translation>尚无描述。</translation>
    </message>
</context>
<context>
    <name>DetailEditor</name>
    <message>
        <source>From its release</source>
        <translation>随所属版本</translation>
    </message>
    <message>
        <source>Created %1 by %2</source>
        <translation>%2 创建于 %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>Updated %1 by %2</source>
        <translation>%2 更新于 %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
</context>
<context>
    <name>DetailForm</name>
    <message>
        <source>No requirement selected</source>
        <translation>未选中需求</translation>
    </message>
    <message>
        <source>Select a requirement to see and edit its details.</source>
        <translation>在需求树中选中一条需求，即可查看和编辑详情。</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>MoSCoW: must, should, could or won't have</source>
        <translation>MoSCoW：必须有、应该有、可以有、本期不做</translation>
    </message>
    <message>
        <source>Kano category: how users feel about having it</source>
        <translation>Kano 分类：用户对具备该功能的感受</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>尚未指定</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. mobile, MVP</source>
        <translation>用逗号分隔，例如：移动端, MVP</translation>
    </message>
    <message>
        <source>Who asked for it</source>
        <translation>需求提出方</translation>
    </message>
    <message>
        <source>The persona this requirement is for (Project ▸ Personas…)</source>
        <translation>这条需求面向的用户画像（项目 ▸ 用户画像…）</translation>
    </message>
    <message>
        <source>Now, Next or Later on the roadmap; by default its release decides</source>
        <translation>路线图上的现在、接下来或以后；默认由所属版本决定</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Kano</source>
        <translation>Kano</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>规划时段</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation>RICE 评分</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>覆盖面</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>信心</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>投入</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>易实现度</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>业务价值</translation>
    </message>
    <message>
        <source>Time criticality</source>
        <translation>时间紧迫性</translation>
    </message>
    <message>
        <source>Risk reduction</source>
        <translation>降低风险/机会</translation>
    </message>
    <message>
        <source>Job size</source>
        <translation>工作规模</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Insert the user story template</source>
        <translation>插入用户故事模板</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>ICE score</source>
        <translation>ICE 得分</translation>
    </message>
    <message>
        <source>WSJF score</source>
        <translation>WSJF 得分</translation>
    </message>
    <message>
        <source>Weighted score</source>
        <translation>加权得分</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Delete %1 and the %2 requirements below?</source>
        <translation>删除 %1 及其下的 %2 条需求？</translation>
    </message>
    <message>
        <source>Delete requirements</source>
        <translation>删除需求</translation>
    </message>
    <message>
        <source>Rename baseline</source>
        <translation>重命名基线</translation>
    </message>
    <message>
        <source>New name of the baseline:</source>
        <translation>基线的新名称：</translation>
    </message>
    <message>
        <source>New baseline</source>
        <translation>新建基线</translation>
    </message>
    <message>
        <source>A baseline keeps the project as it is now, to compare with later (for example the version sent for review).

Name:</source>
        <translation>基线会保存项目此刻的状态，供日后比较（例如提交评审的版本）。

名称：</translation>
    </message>
    <message>
        <source>Delete the baseline “%1”? Exports can then no longer compare with it.</source>
        <translation>删除基线「%1」？删除后，导出将无法再与它比较。</translation>
    </message>
    <message>
        <source>Delete baseline</source>
        <translation>删除基线</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>关闭前是否保存对 %1 的修改？</translation>
    </message>
    <message>
        <source>If you don't save, your changes will be lost.</source>
        <translation>如果不保存，修改将会丢失。</translation>
    </message>
    <message>
        <source>pmdesk closed without saving %1. Recover the %2 unsaved changes (last at %3)?</source>
        <translation>pmdesk 上次关闭时未保存 %1。要恢复这 %2 处未保存的修改吗（最后修改于 %3）？</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>丢弃…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Discard unsaved work</source>
        <translation>丢弃未保存的工作</translation>
    </message>
    <message>
        <source>Throw away the %1 unsaved changes to %2 for good?</source>
        <translation>确定要永久丢弃对 %2 的这 %1 处未保存的修改吗？</translation>
    </message>
    <message>
        <source>Opened by %1 on %2 since %3</source>
        <translation>已由 %1 在 %2 上打开（自 %3 起）</translation>
    </message>
    <message>
        <source>Locked by someone unknown: the lock file cannot be read.</source>
        <translation>已被未知用户锁定：锁文件无法读取。</translation>
    </message>
    <message>
        <source>%1 is in use</source>
        <translation>%1 正在被使用</translation>
    </message>
    <message>
        <source>Open it read-only to look without changing it, or edit anyway: pmdesk will not overwrite work they save without asking you.</source>
        <translation>以只读方式打开可以查看而不做修改；也可以仍然编辑：对方保存的内容，pmdesk 不会不经你确认就覆盖。</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Edit Anyway</source>
        <translation>仍然编辑</translation>
    </message>
    <message>
        <source>Take Over…</source>
        <translation>接管…</translation>
    </message>
    <message>
        <source>Take over the lock of %1 on %2, taken %3? Do this only if %1 has closed pmdesk there (the computer was switched off or pmdesk crashed): if they still have it open, they are not told and you both edit it.</source>
        <translation>要接管 %1 在 %2 上于 %3 加的锁吗？只有在 %1 已经在那台电脑上关闭了 pmdesk（电脑已关机或 pmdesk 崩溃）时才应这样做：如果对方仍然打开着它，对方不会得到通知，你们将同时编辑它。</translation>
    </message>
    <message>
        <source>Take over a lock nobody can read? Do this only if nobody has the project open any more: if someone does, they are not told and you both edit it.</source>
        <translation>要接管一个无法读取的锁吗？只有在确定已经没有人打开这个项目时才应这样做：如果有人仍打开着它，对方不会得到通知，你们将同时编辑它。</translation>
    </message>
    <message>
        <source>Take over the lock</source>
        <translation>接管锁</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Open a Kano survey</source>
        <translation>打开 Kano 问卷</translation>
    </message>
    <message>
        <source>Survey answers (*.csv *.txt)</source>
        <translation>问卷答案 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Merge a copy of this project</source>
        <translation>合并本项目的副本</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Export PRD</source>
        <translation>导出 PRD</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export roadmap</source>
        <translation>导出路线图</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>Add section</source>
        <translation>添加章节</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>删除章节</translation>
    </message>
    <message>
        <source>Move section up</source>
        <translation>章节上移</translation>
    </message>
    <message>
        <source>Move section down</source>
        <translation>章节下移</translation>
    </message>
    <message>
        <source>Write this section in Markdown…</source>
        <translation>用 Markdown 撰写本章节…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Show or hide the list of sections</source>
        <translation>显示或隐藏章节列表</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Show the editor only</source>
        <translation>只显示编辑器</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Show the editor and the preview</source>
        <translation>并排显示编辑器和预览</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Show the preview only</source>
        <translation>只显示预览</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新章节</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export PRD</source>
        <translation>导出 PRD</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word 文档（.docx）</translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown（.md）</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF（.pdf）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不比较</translation>
    </message>
    <message>
        <source>Adds a chapter listing what changed since the baseline.</source>
        <translation>增加一章，列出自该基线以来的变更。</translation>
    </message>
    <message>
        <source>Show the changes as tracked changes in Word</source>
        <translation>在 Word 中以修订标记显示变更</translation>
    </message>
    <message>
        <source>Reviewers see who changed what, and accept or reject it, in Word's Review pane.</source>
        <translation>评审人可在 Word 的“审阅”窗格中看到谁改了什么，并逐条接受或拒绝。</translation>
    </message>
    <message>
        <source>Requirements with status</source>
        <translation>包含以下状态的需求</translation>
    </message>
    <message>
        <source>All requirements</source>
        <translation>全部需求</translation>
    </message>
    <message>
        <source>The %1 requirements the filter shows</source>
        <translation>筛选出的 %1 条需求</translation>
    </message>
    <message>
        <source>Fields in each requirement's table</source>
        <translation>需求属性表中的字段</translation>
    </message>
    <message>
        <source>Open the document when it is ready</source>
        <translation>导出完成后打开文档</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <source>Compare with baseline:</source>
        <translation>与基线比较：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Kano category</source>
        <translation>Kano 分类</translation>
    </message>
    <message>
        <source>RICE score</source>
        <translation>RICE 得分</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>需求来源</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>关联需求</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ExportProblemsDialog</name>
    <message>
        <source>Problems in the Document</source>
        <translation>文档中有问题</translation>
    </message>
    <message>
        <source>The document shows these problems as error text. Go back to fix them, or export anyway.</source>
        <translation>文档会把这些问题显示为错误文字。可以返回修改，也可以仍然导出。</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Show Section</source>
        <translation>转到该章节</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>仍然导出</translation>
    </message>
</context>
<context>
    <name>ExportRequirementsDialog</name>
    <message>
        <source>Export Requirements</source>
        <translation>导出需求</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV，UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>ReqIF 1.2 (.reqif)</source>
        <translation>ReqIF 1.2 (.reqif)</translation>
    </message>
    <message>
        <source>ReqIF archive (.reqifz)</source>
        <translation>ReqIF 压缩包 (.reqifz)</translation>
    </message>
    <message>
        <source>All requirements, with the columns ticked below</source>
        <translation>全部需求，包含下方勾选的列</translation>
    </message>
    <message>
        <source>The rows and columns of saved view:</source>
        <translation>已保存视图的行和列：</translation>
    </message>
    <message>
        <source>The project has no saved views</source>
        <translation>项目中还没有已保存的视图</translation>
    </message>
    <message>
        <source>Tick the columns to export; drag to change their order</source>
        <translation>勾选要导出的列；拖动可调整顺序</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>ReqIF holds the whole tree and every attribute, for DOORS, Polarion…</source>
        <translation>ReqIF 包含完整的需求树和所有属性，供 DOORS、Polarion 等工具使用。</translation>
    </message>
    <message>
        <source>Key and title first, then the view's backlog columns.</source>
        <translation>先是编号和标题，然后是该视图的待办列表列。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by key, title, description, owner, tag or source…</source>
        <translation>按编号、标题、描述、负责人、标签或来源筛选…</translation>
    </message>
    <message>
        <source>Ctrl+F to filter, Escape to clear</source>
        <translation>Ctrl+F 筛选，Esc 清除</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 statuses</source>
        <translation>%1 种状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>%1 priorities</source>
        <translation>%1 种优先级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>%1 owners</source>
        <translation>%1 位负责人</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>%1 releases</source>
        <translation>%1 个版本</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>%1 personas</source>
        <translation>%1 个用户画像</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>%1 kinds</source>
        <translation>%1 种类型</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 个标签</translation>
    </message>
    <message>
        <source>Kano</source>
        <translation>Kano</translation>
    </message>
    <message>
        <source>%1 Kano types</source>
        <translation>%1 种 Kano 分类</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>%1 lanes</source>
        <translation>%1 条泳道</translation>
    </message>
    <message>
        <source>Only requirements added or changed since a baseline</source>
        <translation>只看基线之后新增或修改的需求</translation>
    </message>
    <message>
        <source>Since baseline</source>
        <translation>基线以来</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>Show or hide the filter lists</source>
        <translation>显示或收起筛选条件</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Changed since %1</source>
        <translation>%1 以来有变化</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>(new place among its siblings)</source>
        <translation>（调整了同级顺序）</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>picture, {kb} KB</source>
        <translation>图片，{kb} KB</translation>
    </message>
    <message>
        <source>{link} (needs review)</source>
        <translation>{link}（需复核）</translation>
    </message>
    <message>
        <source>{link} (reviewed)</source>
        <translation>{link}（已复核）</translation>
    </message>
    <message>
        <source>Baseline “%1”</source>
        <translation>基线「%1」</translation>
    </message>
    <message>
        <source>Release “%1”</source>
        <translation>版本「%1」</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Milestone “%1”</source>
        <translation>里程碑「%1」</translation>
    </message>
    <message>
        <source>Lane “%1”</source>
        <translation>泳道「%1」</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Persona “%1”</source>
        <translation>用户画像「%1」</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>View “%1”</source>
        <translation>视图「%1」</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Section “%1”</source>
        <translation>章节「%1」</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project “%1”</source>
        <translation>项目「%1」</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>This requirement has been deleted since.</source>
        <translation>这条需求此后已被删除。</translation>
    </message>
    <message>
        <source>Deleted since.</source>
        <translation>此后已被删除。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>After</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No changes recorded yet.</source>
        <translation>尚无变更记录。</translation>
    </message>
</context>
<context>
    <name>HorizonTexts</name>
    <message>
        <source>No lane</source>
        <translation>未分配泳道</translation>
    </message>
    <message>
        <source>no release</source>
        <translation>未排版本</translation>
    </message>
    <message>
        <source>work in progress</source>
        <translation>进行中的需求</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>另有 {n} 项</translation>
    </message>
    <message>
        <source>Dashed: horizon from its release</source>
        <translation>虚线：时段取自所属版本</translation>
    </message>
    <message>
        <source>No open requirement to place.</source>
        <translation>没有待规划的需求。</translation>
    </message>
</context>
<context>
    <name>HorizonsPanel</name>
    <message>
        <source>The roadmap could not be read: %1</source>
        <translation>无法读取路线图：%1</translation>
    </message>
    <message>
        <source>No requirement matches the filter.</source>
        <translation>没有需求符合筛选条件。</translation>
    </message>
    <message>
        <source>No open requirement to place. Requirements that are done or rejected are left out.</source>
        <translation>没有待规划的需求。已完成或已拒绝的需求不在此显示。</translation>
    </message>
    <message>
        <source>Use the release's horizon for %1 requirements</source>
        <translation>%1 项需求改用所属版本的规划时段</translation>
    </message>
    <message>
        <source>Move %1 requirements to %2</source>
        <translation>将 %1 项需求移到“%2”</translation>
    </message>
    <message>
        <source>Use the release's horizon for %1</source>
        <translation>%1 改用所属版本的规划时段</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>将 %1 移到“%2”</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>移到“%1”</translation>
    </message>
    <message>
        <source>Use release's horizon</source>
        <translation>改用所属版本的时段</translation>
    </message>
    <message>
        <source>Forget the horizon set by hand: the release decides again</source>
        <translation>取消手动设置的时段，重新由所属版本决定</translation>
    </message>
    <message>
        <source>Show in Details</source>
        <translation>在详情中显示</translation>
    </message>
</context>
<context>
    <name>HorizonsView</name>
    <message>
        <source>Now / Next / Later</source>
        <translation>现在 / 接下来 / 以后</translation>
    </message>
    <message>
        <source>Now: work in progress</source>
        <translation>现在：正在进行</translation>
    </message>
    <message>
        <source>Horizon from release %1</source>
        <translation>时段取自版本 %1</translation>
    </message>
    <message>
        <source>Later: no release</source>
        <translation>以后：未排版本</translation>
    </message>
    <message>
        <source>Placed here by hand</source>
        <translation>手动放入此列</translation>
    </message>
</context>
<context>
    <name>ImpactDialog</name>
    <message>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>依赖于</translation>
    </message>
    <message>
        <source>Impact of %1</source>
        <translation>%1 的影响范围</translation>
    </message>
    <message>
        <source>Has a link that needs review</source>
        <translation>有需复核的关联</translation>
    </message>
    <message>
        <source>%1 requirements depend on %2 (%3 directly): review them after a change.</source>
        <translation>%1 条需求依赖 %2（直接依赖 %3 条）：变更后请复核它们。</translation>
    </message>
    <message>
        <source>Nothing depends on %1.</source>
        <translation>没有需求依赖 %1。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import requirements</source>
        <translation>导入需求</translation>
    </message>
    <message>
        <source>Spreadsheets, Jira CSV and ReqIF</source>
        <translation>表格、Jira CSV 和 ReqIF</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Load a mapping</source>
        <translation>载入映射</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Export requirements</source>
        <translation>导出需求</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>CSV, UTF-8</source>
        <translation>CSV（UTF-8）</translation>
    </message>
    <message>
        <source>What does “%1” mean as %2?</source>
        <translation>“%1”作为%2是指什么？</translation>
    </message>
    <message>
        <source>Map a value</source>
        <translation>映射取值</translation>
    </message>
    <message>
        <source>Import Requirements — %1</source>
        <translation>导入需求 — %1</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首个值</translation>
    </message>
    <message>
        <source>pmdesk field</source>
        <translation>pmdesk 字段</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Changes or problems</source>
        <translation>变更或问题</translation>
    </message>
    <message>
        <source>Load Mapping…</source>
        <translation>载入映射…</translation>
    </message>
    <message>
        <source>Save Mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&lt;b&gt;Columns&lt;/b&gt; (guessed from their headers)</source>
        <translation>&lt;b&gt;列&lt;/b&gt;（根据表头自动识别）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Values&lt;/b&gt; (what each value of the file becomes in pmdesk)</source>
        <translation>&lt;b&gt;取值&lt;/b&gt;（文件中的每个值在 pmdesk 中对应什么）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; (nothing is written until you import)</source>
        <translation>&lt;b&gt;预览&lt;/b&gt;（点击导入前不会写入任何内容）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt;</source>
        <translation>&lt;b&gt;问题&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading the project…</source>
        <translation>正在读取项目…</translation>
    </message>
    <message>
        <source>Reading %1 rows…</source>
        <translation>正在读取 %1 行…</translation>
    </message>
    <message>
        <source>Matching %1 rows with the project…</source>
        <translation>正在将 %1 行与项目比对…</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Custom field: %1</source>
        <translation>自定义字段：%1</translation>
    </message>
    <message>
        <source>New custom field “%1”</source>
        <translation>新建自定义字段“%1”</translation>
    </message>
    <message>
        <source>Load Mapping</source>
        <translation>载入映射</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>%1 → new key</source>
        <translation>%1 → 新编号</translation>
    </message>
    <message>
        <source>Double-click or press Enter to say what this value means</source>
        <translation>双击或按回车，指定这个值的含义</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>新建 %1 条</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>更新 %1 条</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 条无变化</translation>
    </message>
    <message>
        <source>new releases: %1</source>
        <translation>新版本：%1</translation>
    </message>
    <message>
        <source>new personas: %1</source>
        <translation>新用户画像：%1</translation>
    </message>
    <message>
        <source>new custom fields: %1</source>
        <translation>新自定义字段：%1</translation>
    </message>
    <message>
        <source>%1 links</source>
        <translation>%1 个链接</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): fix the file or the mapping; nothing is imported until then.</source>
        <translation><numerusform>%n 个问题：请修改文件或映射；问题解决前不会导入任何内容。</numerusform></translation>
    </message>
    <message>
        <source>Not imported (pmdesk has no field for them): %1</source>
        <translation>不导入（pmdesk 没有对应字段）：%1</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Import Requirements</source>
        <translation>导入需求</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Export Requirements</source>
        <translation>导出需求</translation>
    </message>
</context>
<context>
    <name>KanoCategory</name>
    <message>
        <source>Attractive</source>
        <translation>魅力</translation>
    </message>
    <message>
        <source>One-dimensional</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Must-be</source>
        <translation>必备</translation>
    </message>
    <message>
        <source>Indifferent</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Questionable</source>
        <translation>可疑</translation>
    </message>
</context>
<context>
    <name>KanoScatter</name>
    <message>
        <source>Better–Worse picture</source>
        <translation>Better–Worse 系数图</translation>
    </message>
</context>
<context>
    <name>KanoTable</name>
    <message>
        <source>Respondents</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Survey result</source>
        <translation>问卷结果</translation>
    </message>
    <message>
        <source>Kano now</source>
        <translation>当前分类</translation>
    </message>
    <message>
        <source>Apply changes its Kano category from %1 to %2.</source>
        <translation>应用后其 Kano 分类将由%1改为%2。</translation>
    </message>
    <message>
        <source>Satisfaction: (A + O) / (A + O + M + I)</source>
        <translation>满意系数：(A + O) / (A + O + M + I)</translation>
    </message>
    <message>
        <source>Dissatisfaction: −(O + M) / (A + O + M + I)</source>
        <translation>不满意系数：−(O + M) / (A + O + M + I)</translation>
    </message>
    <message>
        <source>The most frequent category (ties: Must-be, One-dimensional, Attractive, Indifferent)</source>
        <translation>出现最多的分类（并列时依次取必备、期望、魅力、无差异）</translation>
    </message>
</context>
<context>
    <name>KanoWindow</name>
    <message>
        <source>Kano Survey — %1</source>
        <translation>Kano 问卷分析 — %1</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Set the Kano category of the marked requirements (one undo step)</source>
        <translation>设置标记需求的 Kano 分类（可一步撤销）</translation>
    </message>
    <message>
        <source>%1: answers of up to %2 respondents on %3 requirements.</source>
        <translation>%1：%2 位受访者对 %3 条需求的回答。</translation>
    </message>
    <message numerus="yes">
        <source>Apply changes the Kano category of %n marked requirement(s).</source>
        <translation>
            <numerusform>应用后将改变 %n 条标记需求的 Kano 分类。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every requirement already has the category the survey gives.</source>
        <translation>每条需求的 Kano 分类都已与问卷结果一致。</translation>
    </message>
    <message>
        <source>The project is open read-only: the categories cannot be set.</source>
        <translation>项目以只读方式打开：不能设置分类。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Dissatisfaction |Worse|</source>
        <translation>不满意系数 |Worse|</translation>
    </message>
    <message>
        <source>Satisfaction (Better)</source>
        <translation>满意系数 Better</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Epic</source>
        <translation>史诗</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>用户故事</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Non-functional</source>
        <translation>非功能需求</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>想法</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>评审中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>开发中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Must</source>
        <translation>Must 必须</translation>
    </message>
    <message>
        <source>Should</source>
        <translation>Should 应该</translation>
    </message>
    <message>
        <source>Could</source>
        <translation>Could 可以</translation>
    </message>
    <message>
        <source>Won't</source>
        <translation>Won't 不做</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本型</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>期望型</translation>
    </message>
    <message>
        <source>Delighter</source>
        <translation>兴奋型</translation>
    </message>
    <message>
        <source>Indifferent</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>反向型</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>接下来</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>depends on</source>
        <translation>依赖于</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>relates to</source>
        <translation>相关于</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>重复于</translation>
    </message>
    <message>
        <source>derived from</source>
        <translation>派生自</translation>
    </message>
    <message>
        <source>Quick wins</source>
        <translation>快速见效</translation>
    </message>
    <message>
        <source>Big bets</source>
        <translation>重大投入</translation>
    </message>
    <message>
        <source>Fill-ins</source>
        <translation>顺手可做</translation>
    </message>
    <message>
        <source>Time sinks</source>
        <translation>费力不讨好</translation>
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
        <translation>加权评分</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>覆盖面</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>信心</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>投入</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>易实现度</translation>
    </message>
    <message>
        <source>Business value</source>
        <translation>业务价值</translation>
    </message>
    <message>
        <source>Time criticality</source>
        <translation>时间紧迫性</translation>
    </message>
    <message>
        <source>Risk reduction / opportunity</source>
        <translation>降低风险/机会</translation>
    </message>
    <message>
        <source>Job size</source>
        <translation>工作规模</translation>
    </message>
    <message>
        <source>Criteria scores</source>
        <translation>评分项得分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Scoring model</source>
        <translation>评分模型</translation>
    </message>
    <message>
        <source>Scoring criteria</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Document status</source>
        <translation>文档状态</translation>
    </message>
    <message>
        <source>Confidentiality</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文档编号</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评审人</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>使用场景</translation>
    </message>
    <message>
        <source>Share of users</source>
        <translation>用户占比</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>规划时段</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Short text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>One of a list</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Several of a list</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>is needed by</source>
        <translation>被依赖于</translation>
    </message>
    <message>
        <source>is blocked by</source>
        <translation>被阻塞于</translation>
    </message>
    <message>
        <source>is duplicated by</source>
        <translation>被重复于</translation>
    </message>
    <message>
        <source>is the source of</source>
        <translation>派生出</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
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
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本号</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>编号前缀</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>关联需求</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级需求</translation>
    </message>
</context>
<context>
    <name>LinksEditor</name>
    <message>
        <source>No links yet</source>
        <translation>尚无关联</translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation>删除选中的关联</translation>
    </message>
    <message>
        <source>How this requirement relates to the other one</source>
        <translation>这条需求与另一条需求的关系</translation>
    </message>
    <message>
        <source>Key or title…</source>
        <translation>编号或标题…</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加关联</translation>
    </message>
    <message>
        <source>Mark Reviewed</source>
        <translation>标记为已复核</translation>
    </message>
    <message>
        <source>The linked requirement's text changed: mark the link reviewed</source>
        <translation>关联需求的内容已变更：复核后标记此关联</translation>
    </message>
    <message>
        <source>this requirement</source>
        <translation>本需求</translation>
    </message>
    <message>
        <source>Needs review: %1 changed on %2</source>
        <translation>需复核：%1 已于 %2 变更</translation>
    </message>
    <message>
        <source>Show Impact…</source>
        <translation>查看影响范围…</translation>
    </message>
    <message>
        <source>A requirement cannot be linked to itself.</source>
        <translation>需求不能关联到自身。</translation>
    </message>
    <message>
        <source>No requirement matches “%1”.</source>
        <translation>没有与“%1”匹配的需求。</translation>
    </message>
    <message>
        <source>Several requirements match “%1”: pick one from the list.</source>
        <translation>有多条需求与“%1”匹配，请从列表中选择一条。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requirements</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>路线图</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>A new project: its title, product, key prefix, language and template</source>
        <translation>新建项目：标题、产品、编号前缀、语言和模板</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export PRD…</source>
        <translation>导出 PRD(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Merge a Copy…</source>
        <translation>合并副本(&amp;M)…</translation>
    </message>
    <message>
        <source>Merge a copy of this project that was edited elsewhere (e-mailed back)</source>
        <translation>合并在别处编辑过的本项目副本（例如通过邮件发回的副本）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Export Roadmap as &amp;PNG…</source>
        <translation>导出路线图为 &amp;PNG…</translation>
    </message>
    <message>
        <source>Export Roadmap as S&amp;VG…</source>
        <translation>导出路线图为 S&amp;VG…</translation>
    </message>
    <message>
        <source>&amp;Import Requirements…</source>
        <translation>导入需求(&amp;I)…</translation>
    </message>
    <message>
        <source>Requirements from Excel, CSV, a Jira export or ReqIF</source>
        <translation>从 Excel、CSV、Jira 导出文件或 ReqIF 导入需求</translation>
    </message>
    <message>
        <source>Export Re&amp;quirements…</source>
        <translation>导出需求(&amp;Q)…</translation>
    </message>
    <message>
        <source>The requirements as an Excel workbook, CSV or ReqIF</source>
        <translation>将需求导出为 Excel 工作簿、CSV 或 ReqIF</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Filter Requirements</source>
        <translation>筛选需求(&amp;F)</translation>
    </message>
    <message>
        <source>Find in &amp;Project…</source>
        <translation>在项目中搜索(&amp;P)…</translation>
    </message>
    <message>
        <source>Search every requirement's text and the PRD's sections</source>
        <translation>搜索所有需求的文字和 PRD 章节</translation>
    </message>
    <message>
        <source>&amp;About pmdesk</source>
        <translation>关于 pmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Baselines…</source>
        <translation>基线(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>项目属性(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Releases, Lanes and Milestones…</source>
        <translation>版本、泳道和里程碑(&amp;R)…</translation>
    </message>
    <message>
        <source>New R&amp;elease…</source>
        <translation>新建版本(&amp;E)…</translation>
    </message>
    <message>
        <source>New &amp;Milestone…</source>
        <translation>新建里程碑(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Kano Survey…</source>
        <translation>&amp;Kano 问卷分析…</translation>
    </message>
    <message>
        <source>Evaluate a Kano survey's answers (CSV) and set the categories it gives</source>
        <translation>计算 Kano 问卷（CSV）的回答，并设置由此得出的 Kano 分类</translation>
    </message>
    <message>
        <source>Person&amp;as…</source>
        <translation>用户画像(&amp;A)…</translation>
    </message>
    <message>
        <source>Who the product is for: the personas user stories name</source>
        <translation>产品为谁而做：用户故事所指向的用户画像</translation>
    </message>
    <message>
        <source>Custom &amp;Fields…</source>
        <translation>自定义字段(&amp;F)…</translation>
    </message>
    <message>
        <source>The project's own fields: add, rename, reorder or delete them</source>
        <translation>项目自己的字段：添加、重命名、排序或删除</translation>
    </message>
    <message>
        <source>Change &amp;Log…</source>
        <translation>变更日志(&amp;L)…</translation>
    </message>
    <message>
        <source>MoSCoW &amp;Board</source>
        <translation>MoSCoW 看板(&amp;B)</translation>
    </message>
    <message>
        <source>Each release's requirements by priority, against its capacity</source>
        <translation>按优先级查看每个版本的需求，并对照版本容量</translation>
    </message>
    <message>
        <source>Backlog &amp;Table</source>
        <translation>需求列表(&amp;T)</translation>
    </message>
    <message>
        <source>Every requirement in a table: sort, group, edit many at once</source>
        <translation>以表格列出所有需求：排序、分组、批量编辑</translation>
    </message>
    <message>
        <source>&amp;Value vs Effort</source>
        <translation>价值与投入矩阵(&amp;V)</translation>
    </message>
    <message>
        <source>Quick wins, big bets, fill-ins and time sinks: drag to assess</source>
        <translation>快速见效、重大投入、顺手可做与费力不讨好：拖动圆点即可评估</translation>
    </message>
    <message>
        <source>&amp;Traceability…</source>
        <translation>追溯矩阵(&amp;T)…</translation>
    </message>
    <message>
        <source>Which requirements trace to which, and what coverage lacks</source>
        <translation>需求之间的追溯关系，以及覆盖上的缺口</translation>
    </message>
    <message>
        <source>Show &amp;Impact…</source>
        <translation>查看影响范围(&amp;I)…</translation>
    </message>
    <message>
        <source>Everything that depends on the selected requirement</source>
        <translation>所有依赖选中需求的需求</translation>
    </message>
    <message>
        <source>Edit &amp;Selected Requirements…</source>
        <translation>批量编辑选中的需求(&amp;S)…</translation>
    </message>
    <message>
        <source>Set one field of the requirements selected in the backlog</source>
        <translation>为需求列表中选中的需求设置同一字段</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 could not be opened (%2).</source>
        <translation>无法打开 %1（%2）。</translation>
    </message>
    <message>
        <source>Read-only. Save As makes a copy you can edit.</source>
        <translation>只读。用“另存为”可得到一份可以编辑的副本。</translation>
    </message>
    <message>
        <source>%1 is write-protected: opened read-only. Save As makes a copy you can edit.</source>
        <translation>%1 是写保护的：已以只读方式打开。用“另存为”可得到一份可以编辑的副本。</translation>
    </message>
    <message>
        <source>Read-only: your unsaved changes from an earlier session are kept. Open the project again to recover them.</source>
        <translation>只读：上次会话中未保存的修改仍然保留。再次打开此项目即可恢复它们。</translation>
    </message>
    <message>
        <source>Read-only: %1 on %2 has it open. Save As makes a copy you can edit.</source>
        <translation>只读：%1 正在 %2 上打开它。用“另存为”可得到一份可以编辑的副本。</translation>
    </message>
    <message>
        <source>Editing without the lock: someone else has it open too.</source>
        <translation>未持有锁而编辑：其他人也打开了它。</translation>
    </message>
    <message>
        <source>Editing without the lock: %1 on %2 has it open too.</source>
        <translation>未持有锁而编辑：%1 也在 %2 上打开了它。</translation>
    </message>
    <message>
        <source>No lock of yours: the old lock file %1 cannot be removed, so others are not told that you have it open.</source>
        <translation>你没有持有锁：旧的锁文件 %1 无法删除，因此其他人不会知道你已打开此项目。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: others see the project as opened by someone unknown, and Save fails until there is space.</source>
        <translation>%1 所在的磁盘已满：其他人会看到项目已被未知用户打开；在腾出空间之前，保存会失败。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: others are not told that you have the project open, and Save fails until there is space.</source>
        <translation>%1 所在的磁盘已满：其他人不会知道你已打开此项目；在腾出空间之前，保存会失败。</translation>
    </message>
    <message>
        <source>No lock file: this folder is read-only, so others do not see that you have it open. Use Save As to keep changes.</source>
        <translation>没有锁文件：此文件夹只读，其他人看不到你已打开它。请用“另存为”保存修改。</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近打开的项目</translation>
    </message>
    <message>
        <source>%1 cannot be found any more (was its drive or share disconnected?). Use Save As to keep your work.</source>
        <translation>找不到 %1 了（所在的磁盘或共享文件夹是否已断开？）。请使用“另存为”保存你的工作。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>%1 could not be written (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
    <message>
        <source>The roadmap is empty: no requirement, release or milestone has a date.</source>
        <translation>路线图为空：没有任何需求、版本或里程碑设置了日期。</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s)</source>
        <translation>
            <numerusform>%n 条需求</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>MoSCoW Board</source>
        <translation>MoSCoW 看板</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>需求列表</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>[Read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n requirement(s) shown</source>
        <translation>
            <numerusform>显示 %1 / %n 条需求</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the requirements to change in the backlog table first.</source>
        <translation>请先在需求列表中选中要修改的需求。</translation>
    </message>
    <message>
        <source>About pmdesk</source>
        <translation>关于 pmdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;pmdesk %1&lt;/h3&gt;&lt;p&gt;An offline roadmap and PRD editor for product managers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;pmdesk %1&lt;/h3&gt;&lt;p&gt;为产品经理打造的离线路线图与 PRD 编辑器。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Exported %1 in %2 s.</source>
        <translation>已导出 %1，用时 %2 秒。</translation>
    </message>
    <message>
        <source>&amp;Saved Views</source>
        <translation>已保存的视图(&amp;S)</translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation>还没有保存的视图</translation>
    </message>
    <message>
        <source>Show &amp;All Requirements</source>
        <translation>显示全部需求(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save View As…</source>
        <translation>另存为视图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Manage Views…</source>
        <translation>管理视图(&amp;M)…</translation>
    </message>
    <message>
        <source>Reorder, rename, duplicate or delete the saved views</source>
        <translation>调整已保存视图的顺序，或重命名、复制、删除视图</translation>
    </message>
</context>
<context>
    <name>ManageViewsWindow</name>
    <message>
        <source>Manage Views</source>
        <translation>管理视图</translation>
    </message>
    <message>
        <source>No saved views yet. Filter the requirements, arrange the backlog's columns, then choose Save View As… in the Views menu.</source>
        <translation>还没有保存的视图。先筛选需求、安排需求列表的列，再在“视图”菜单中选择“另存为视图…”。</translation>
    </message>
    <message>
        <source>Drag a view, or press Alt+Up / Alt+Down, to change the order.</source>
        <translation>拖动视图，或按 Alt+↑ / Alt+↓，即可调整顺序。</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the chosen view (Enter)</source>
        <translation>显示选中的视图（Enter）</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the view (F2)</source>
        <translation>重命名视图（F2）</translation>
    </message>
    <message>
        <source>A copy of the view, after it (Ctrl+D)</source>
        <translation>复制视图，放在它后面（Ctrl+D）</translation>
    </message>
    <message>
        <source>Du&amp;plicate</source>
        <translation>复制(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the view (Delete)</source>
        <translation>删除视图（Delete）</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Earlier in the list (Alt+Up)</source>
        <translation>在列表中上移（Alt+↑）</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Later in the list (Alt+Down)</source>
        <translation>在列表中下移（Alt+↓）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>筛选：%1</translation>
    </message>
    <message>
        <source>every requirement</source>
        <translation>全部需求</translation>
    </message>
    <message>
        <source>Grouped by %1</source>
        <translation>分组：%1</translation>
    </message>
    <message>
        <source>Sorted by %1</source>
        <translation>排序：%1</translation>
    </message>
    <message>
        <source>Rename View</source>
        <translation>重命名视图</translation>
    </message>
    <message>
        <source>A view named “%1” exists already.</source>
        <translation>已有名为「%1」的视图。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 副本</translation>
    </message>
    <message>
        <source>Delete the view “%1”? Undo brings it back.</source>
        <translation>删除视图「%1」吗？撤销可以恢复。</translation>
    </message>
    <message>
        <source>Delete View</source>
        <translation>删除视图</translation>
    </message>
</context>
<context>
    <name>MatrixCanvas</name>
    <message>
        <source>Value vs effort picture</source>
        <translation>价值与投入矩阵图</translation>
    </message>
    <message>
        <source>Value %1 · effort %2 person-months · %3</source>
        <translation>价值 %1 · 投入 %2 人月 · %3</translation>
    </message>
    <message>
        <source>%1: value %2, effort %3 person-months</source>
        <translation>%1：价值 %2，投入 %3 人月</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation>视图：%1</translation>
    </message>
    <message>
        <source>Reading the requirements…</source>
        <translation>正在读取需求…</translation>
    </message>
    <message>
        <source>The matrix could not be read: %1</source>
        <translation>无法读取矩阵：%1</translation>
    </message>
    <message>
        <source>A link needs review</source>
        <translation>有关联需复核</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 rows and %3 of %4 columns (the coverage counts them all). Choose a saved view to narrow them.</source>
        <translation>显示前 %1 行（共 %2 行）和前 %3 列（共 %4 列），覆盖率按全部计算。选择一个已保存的视图可缩小范围。</translation>
    </message>
</context>
<context>
    <name>MatrixWindow</name>
    <message>
        <source>Effort (person-months)</source>
        <translation>投入（人月）</translation>
    </message>
    <message>
        <source>Value (0–10)</source>
        <translation>价值（0–10）</translation>
    </message>
    <message>
        <source>median {effort}</source>
        <translation>中位数 {effort}</translation>
    </message>
    <message>
        <source>Value vs Effort</source>
        <translation>价值与投入矩阵</translation>
    </message>
    <message>
        <source>Which requirements the matrix shows</source>
        <translation>矩阵显示哪些需求</translation>
    </message>
    <message>
        <source>Requirements without a value or an effort: not on the matrix</source>
        <translation>尚未评估价值或投入的需求：不在矩阵中</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message numerus="yes">
        <source>The %n requirement(s) picked in the tree</source>
        <translation>
            <numerusform>需求树中选中的 %n 条需求</numerusform>
        </translation>
    </message>
    <message>
        <source>All releases</source>
        <translation>全部版本</translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>未分配版本</translation>
    </message>
    <message>
        <source>Not assessed (%1)</source>
        <translation>未评估（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) on the matrix</source>
        <translation>
            <numerusform>矩阵中有 %n 条需求</numerusform>
        </translation>
    </message>
    <message>
        <source>; effort is low up to %1 person-months (their median).</source>
        <translation>；投入不超过 %1 人月（它们的中位数）即为低投入。</translation>
    </message>
    <message>
        <source>Drag a dot to set its value and effort.</source>
        <translation>拖动圆点即可设置它的价值和投入。</translation>
    </message>
    <message>
        <source>The project is open read-only: values and efforts cannot be set.</source>
        <translation>项目以只读方式打开：不能设置价值和投入。</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>No release</source>
        <translation>无版本</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>New Milestone</source>
        <translation>新建里程碑</translation>
    </message>
    <message>
        <source>Milestone “%1”</source>
        <translation>里程碑“%1”</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Has a date</source>
        <translation>设定日期(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>所属版本(&amp;R)：</translation>
    </message>
    <message>
        <source>The release this milestone belongs to</source>
        <translation>这个里程碑所属的版本</translation>
    </message>
</context>
<context>
    <name>ModelInputs</name>
    <message>
        <source>How much it moves the goal, 1–10</source>
        <translation>对目标的推动有多大，1–10</translation>
    </message>
    <message>
        <source>How sure you are of the impact, 1–10</source>
        <translation>对影响力有多大把握，1–10</translation>
    </message>
    <message>
        <source>How easy it is to build, 1–10</source>
        <translation>实现起来有多容易，1–10</translation>
    </message>
    <message>
        <source>Value to users and the business, 1–20</source>
        <translation>对用户和业务的价值，1–20</translation>
    </message>
    <message>
        <source>How fast the value decays if it waits, 1–20</source>
        <translation>推迟时价值流失有多快，1–20</translation>
    </message>
    <message>
        <source>Risk it removes or opportunity it opens, 1–20</source>
        <translation>降低的风险或带来的机会，1–20</translation>
    </message>
    <message>
        <source>Size of the work, 1–20 (1, 2, 3, 5, 8, 13, 20)</source>
        <translation>工作规模，1–20（1、2、3、5、8、13、20）</translation>
    </message>
    <message>
        <source>Impact × Confidence × Ease</source>
        <translation>影响力 × 信心 × 易实现度</translation>
    </message>
    <message>
        <source>Fill in all three inputs to get a score</source>
        <translation>填写全部三项即可得出分数</translation>
    </message>
    <message>
        <source>(Business value + Time criticality + Risk reduction) ÷ Job size</source>
        <translation>（业务价值 + 时间紧迫性 + 降低风险）÷ 工作规模</translation>
    </message>
    <message>
        <source>Fill in all four inputs to get a score</source>
        <translation>填写全部四项即可得出分数</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>A key prefix is 1–10 letters or digits and starts with a letter.</source>
        <translation>编号前缀由 1–10 个字母或数字组成，并以字母开头。</translation>
    </message>
    <message>
        <source>An empty project: no sections yet.</source>
        <translation>空项目：还没有任何章节。</translation>
    </message>
    <message>
        <source>The sections of a PRD in Chinese, ready to fill in.</source>
        <translation>中文 PRD 的章节，填写即可。</translation>
    </message>
    <message>
        <source>The sections of a PRD in English, ready to fill in.</source>
        <translation>英文 PRD 的章节，填写即可。</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. CRM product requirements</source>
        <translation>例如：CRM 产品需求文档</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. CRM</source>
        <translation>例如：CRM</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>编号前缀(&amp;K)：</translation>
    </message>
    <message>
        <source>Requirement keys start with it: CRM-1, CRM-2 …</source>
        <translation>需求编号以它开头：CRM-1、CRM-2 …</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language of the PRD's headings and labels</source>
        <translation>PRD 中标题和标签使用的语言</translation>
    </message>
    <message>
        <source>T&amp;emplate:</source>
        <translation>模板(&amp;E)：</translation>
    </message>
    <message>
        <source>Blank project</source>
        <translation>空白项目</translation>
    </message>
    <message>
        <source>PRD template (中文)</source>
        <translation>PRD 模板（中文）</translation>
    </message>
    <message>
        <source>PRD template (English)</source>
        <translation>PRD 模板（英文）</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Set a date</source>
        <translation>设置日期</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>PersonasWindow</name>
    <message>
        <source>Personas</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a persona (Ctrl+N)</source>
        <translation>添加一个用户画像（Ctrl+N）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the chosen persona (Delete)</source>
        <translation>删除选中的用户画像（Delete）</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移（Alt+↑）</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移（Alt+↓）</translation>
    </message>
    <message>
        <source>No personas yet. Add one: who uses the product, and why?</source>
        <translation>尚无用户画像。添加一个：谁在使用产品，为什么？</translation>
    </message>
    <message>
        <source>Choose Photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove Photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>For example: Li Na, store manager</source>
        <translation>例如：李娜，门店店长</translation>
    </message>
    <message>
        <source>Job or part they play, e.g. Store manager</source>
        <translation>职位或角色，例如：门店店长</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>How many of the product's users this persona stands for</source>
        <translation>这个画像代表的用户占产品全部用户的比例</translation>
    </message>
    <message>
        <source>What they want to achieve (Markdown)</source>
        <translation>他们想达成什么（支持 Markdown）</translation>
    </message>
    <message>
        <source>What gets in their way today (Markdown)</source>
        <translation>他们现在遇到了什么阻碍（支持 Markdown）</translation>
    </message>
    <message>
        <source>When and where they use the product (Markdown)</source>
        <translation>他们在何时何地使用产品（支持 Markdown）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Share of users:</source>
        <translation>用户占比(&amp;S)：</translation>
    </message>
    <message>
        <source>No role yet</source>
        <translation>尚未填写角色</translation>
    </message>
    <message>
        <source>The shares add up to %1%: more than all the users.</source>
        <translation>用户占比合计 %1%，超过了全部用户。</translation>
    </message>
    <message>
        <source>Together %1% of the users.</source>
        <translation>合计占全部用户的 %1%。</translation>
    </message>
    <message>
        <source>No requirement names this persona yet.</source>
        <translation>尚无需求指向这个用户画像。</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) name this persona.</source>
        <translation>
            <numerusform>%n 条需求指向这个用户画像。</numerusform>
        </translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>新用户画像</translation>
    </message>
    <message>
        <source>Delete the persona “%1”?</source>
        <translation>删除用户画像「%1」？</translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) will lose it and have no persona.</source>
        <translation>
            <numerusform>%n 条需求将失去它，不再有用户画像。</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo brings it back.</source>
        <translation>可以撤销恢复。</translation>
    </message>
    <message>
        <source>Delete Persona</source>
        <translation>删除用户画像</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>%1 could not be read (%2).</source>
        <translation>无法读取 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 was made smaller to fit in 1 MB.</source>
        <translation>%1 已缩小，以便不超过 1 MB。</translation>
    </message>
</context>
<context>
    <name>PlanPane</name>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>New Release…</source>
        <translation>新建版本…</translation>
    </message>
    <message>
        <source>Edit Release…</source>
        <translation>编辑版本…</translation>
    </message>
    <message>
        <source>Delete Release</source>
        <translation>删除版本</translation>
    </message>
    <message>
        <source>New Lane</source>
        <translation>新建泳道</translation>
    </message>
    <message>
        <source>Lane Colour…</source>
        <translation>泳道颜色…</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <source>New Milestone…</source>
        <translation>新建里程碑…</translation>
    </message>
    <message>
        <source>Edit Milestone…</source>
        <translation>编辑里程碑…</translation>
    </message>
    <message>
        <source>Delete Milestone</source>
        <translation>删除里程碑</translation>
    </message>
    <message>
        <source>&amp;Releases</source>
        <translation>版本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>泳道(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Milestones</source>
        <translation>里程碑(&amp;M)</translation>
    </message>
    <message>
        <source>Show Release…</source>
        <translation>查看版本…</translation>
    </message>
    <message>
        <source>Show Milestone…</source>
        <translation>查看里程碑…</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>新泳道</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Recorded in the history of every change you make.</source>
        <translation>你的每一次修改都会以此名字记入变更历史。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A new language takes effect when pmdesk starts again.</source>
        <translation>界面语言将在重新启动 pmdesk 后生效。</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>你的名字：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Stories without acceptance criteria</source>
        <translation>没有验收标准的用户故事</translation>
    </message>
    <message>
        <source>Features without stories</source>
        <translation>没有用户故事的功能</translation>
    </message>
    <message>
        <source>Requirements without a release</source>
        <translation>未排入版本的需求</translation>
    </message>
    <message>
        <source>Requirements without an owner</source>
        <translation>没有负责人的需求</translation>
    </message>
    <message>
        <source>Links to rejected requirements</source>
        <translation>指向已拒绝需求的关联</translation>
    </message>
    <message>
        <source>Dependency cycles</source>
        <translation>循环依赖</translation>
    </message>
    <message>
        <source>Checking the requirements…</source>
        <translation>正在检查需求…</translation>
    </message>
    <message>
        <source>The problems could not be read: %1</source>
        <translation>无法读取问题列表：%1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>linked to %1 (rejected)</source>
        <translation>关联到 %1（已拒绝）</translation>
    </message>
</context>
<context>
    <name>ProjectPropertiesDialog</name>
    <message>
        <source>%1 is larger than 1 MB: choose a smaller picture.</source>
        <translation>%1 超过 1 MB，请选择更小的图片。</translation>
    </message>
    <message>
        <source>%1 is not a PNG or JPEG picture.</source>
        <translation>%1 不是 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>%1 needs a weight of 0 or more and a scale above 0.</source>
        <translation>%1 的权重须不小于 0，满分须大于 0。</translation>
    </message>
    <message>
        <source>A key prefix is 1–10 letters or digits and starts with a letter.</source>
        <translation>编号前缀由 1–10 个字母或数字组成，并以字母开头。</translation>
    </message>
    <message>
        <source>Keys read %1-1, %1-2 …</source>
        <translation>编号将为 %1-1、%1-2 …</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>%1 could not be read (%2).</source>
        <translation>无法读取 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 was made smaller to fit in 1 MB (%2 × %3 pixels).</source>
        <translation>%1 已缩小为 %2 × %3 像素，以便不超过 1 MB。</translation>
    </message>
    <message>
        <source>%1 is open read-only: its properties cannot be changed here.</source>
        <translation>%1 以只读方式打开，无法在此修改项目属性。</translation>
    </message>
    <message>
        <source>Change project properties</source>
        <translation>修改项目属性</translation>
    </message>
    <message>
        <source>Project Properties</source>
        <translation>项目属性</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>The document's title, on the PRD's cover</source>
        <translation>文档标题，显示在 PRD 封面上</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>The product's name, in the PRD's cover and header</source>
        <translation>产品名称，显示在 PRD 封面和页眉中</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本号(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Authors:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>One author a line. F2 or double-click edits one.</source>
        <translation>每行一位作者。按 F2 或双击可编辑。</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>O&amp;rganisation:</source>
        <translation>组织(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>编号前缀(&amp;K)：</translation>
    </message>
    <message>
        <source>Requirement keys start with it: CRM-1, CRM-2 …</source>
        <translation>需求编号以它开头：CRM-1、CRM-2 …</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language of the PRD's headings and labels</source>
        <translation>PRD 中标题和标签使用的语言</translation>
    </message>
    <message>
        <source>Lo&amp;go:</source>
        <translation>标志(&amp;G)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>A PNG or JPEG picture of at most 1 MB, for the PRD's cover</source>
        <translation>用于 PRD 封面的 PNG 或 JPEG 图片，不超过 1 MB</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>移除(&amp;E)</translation>
    </message>
    <message>
        <source>Document &amp;status:</source>
        <translation>文档状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Where the PRD stands (draft, in review, approved), on its cover</source>
        <translation>PRD 所处的阶段（草稿、评审中、已批准），显示在封面上</translation>
    </message>
    <message>
        <source>Con&amp;fidentiality:</source>
        <translation>密级(&amp;F)：</translation>
    </message>
    <message>
        <source>Who may read the PRD (密级), on its cover</source>
        <translation>谁可以阅读这份 PRD（密级），显示在封面上</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>文档编号(&amp;N)：</translation>
    </message>
    <message>
        <source>Revie&amp;wers:</source>
        <translation>评审人(&amp;W)：</translation>
    </message>
    <message>
        <source>Who signs the PRD off: a row each in its approval table</source>
        <translation>谁签批这份 PRD：每人一行，列入审批记录表</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Scor&amp;ing model:</source>
        <translation>评分模型(&amp;I)：</translation>
    </message>
    <message>
        <source>Criteria:</source>
        <translation>评分项：</translation>
    </message>
    <message>
        <source>How requirements are scored and ranked: in the details, the ranking and the PRD</source>
        <translation>需求如何评分和排序：用于详情、排名和 PRD</translation>
    </message>
    <message>
        <source>The weighted model's criteria: each requirement gets a value from 0 to the scale on each</source>
        <translation>加权模型的评分项：每个需求在每一项上得 0 到满分之间的分值</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>满分</translation>
    </message>
</context>
<context>
    <name>RangeButton</name>
    <message>
        <source>Any value</source>
        <translation>任意值</translation>
    </message>
    <message>
        <source>Contains:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>A release needs a name.</source>
        <translation>版本需要一个名称。</translation>
    </message>
    <message>
        <source>The release ends before it starts.</source>
        <translation>版本的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>%1 is open read-only: nothing can be changed here.</source>
        <translation>%1 以只读方式打开，这里的内容无法修改。</translation>
    </message>
    <message>
        <source>New Release</source>
        <translation>新建版本</translation>
    </message>
    <message>
        <source>Release “%1”</source>
        <translation>版本“%1”</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Has dates</source>
        <translation>设定日期(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>结束(&amp;E)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Ca&amp;pacity:</source>
        <translation>容量(&amp;P)：</translation>
    </message>
    <message>
        <source>Person-days the team can give this release</source>
        <translation>团队能投入这个版本的人天数</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设定</translation>
    </message>
    <message>
        <source> person-days</source>
        <translation> 人天</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>目标(&amp;G)：</translation>
    </message>
    <message>
        <source>One line of Markdown: what this release is for</source>
        <translation>一行 Markdown：这个版本要达成什么</translation>
    </message>
</context>
<context>
    <name>RequirementTreeView</name>
    <message>
        <source>New requirement</source>
        <translation>新需求</translation>
    </message>
    <message>
        <source>New child requirement</source>
        <translation>新建子需求</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>RiceInputs</name>
    <message>
        <source>How many people or events this reaches per period</source>
        <translation>每个周期覆盖的人数或事件数</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>极低</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Massive</source>
        <translation>极高</translation>
    </message>
    <message>
        <source>How much it moves the goal for each person reached</source>
        <translation>对每个被覆盖者推动目标的程度</translation>
    </message>
    <message>
        <source>How sure you are of reach and impact</source>
        <translation>你对覆盖面和影响力估计的把握</translation>
    </message>
    <message>
        <source> person-months</source>
        <translation> 人月</translation>
    </message>
    <message>
        <source>Work for the whole team, in person-months</source>
        <translation>整个团队的工作量，单位：人月</translation>
    </message>
    <message>
        <source>Fill in all four inputs to get a score</source>
        <translation>填写全部四项输入后即可得到评分</translation>
    </message>
    <message>
        <source>Reach × Impact × Confidence ÷ Effort</source>
        <translation>覆盖面 × 影响力 × 信心 ÷ 投入</translation>
    </message>
</context>
<context>
    <name>RoadmapEditing</name>
    <message>
        <source>New Release Here…</source>
        <translation>在此新建版本…</translation>
    </message>
    <message>
        <source>New Milestone Here…</source>
        <translation>在此新建里程碑…</translation>
    </message>
    <message>
        <source>Edit Release…</source>
        <translation>编辑版本…</translation>
    </message>
    <message>
        <source>Delete Release…</source>
        <translation>删除版本…</translation>
    </message>
    <message>
        <source>Edit Milestone…</source>
        <translation>编辑里程碑…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Link to Release</source>
        <translation>关联到版本</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>无版本</translation>
    </message>
    <message>
        <source>Delete Milestone</source>
        <translation>删除里程碑</translation>
    </message>
    <message>
        <source>Rename Lane…</source>
        <translation>重命名泳道…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>New Lane…</source>
        <translation>新建泳道…</translation>
    </message>
    <message>
        <source>Delete Lane…</source>
        <translation>删除泳道…</translation>
    </message>
    <message>
        <source>Rename milestone</source>
        <translation>重命名里程碑</translation>
    </message>
    <message>
        <source>Milestone name:</source>
        <translation>里程碑名称：</translation>
    </message>
    <message>
        <source>Rename lane</source>
        <translation>重命名泳道</translation>
    </message>
    <message>
        <source>Lane name:</source>
        <translation>泳道名称：</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>新建泳道</translation>
    </message>
</context>
<context>
    <name>RoadmapPane</name>
    <message>
        <source>Fit</source>
        <translation>全览</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, Ctrl+wheel)</source>
        <translation>缩小（Ctrl+-、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=, Ctrl+wheel)</source>
        <translation>放大（Ctrl+=、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Show the whole roadmap (Ctrl+0)</source>
        <translation>显示整个路线图（Ctrl+0）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Scroll to today</source>
        <translation>滚动到今天</translation>
    </message>
    <message>
        <source>Colour by status</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <source>Colour by priority</source>
        <translation>按优先级着色</translation>
    </message>
    <message>
        <source>Colour by release</source>
        <translation>按版本着色</translation>
    </message>
    <message>
        <source>Snap to days</source>
        <translation>按天对齐</translation>
    </message>
    <message>
        <source>Snap to weeks</source>
        <translation>按周对齐</translation>
    </message>
    <message>
        <source>Where dragged bars and ends land</source>
        <translation>拖动条形或其两端时日期对齐到的单位</translation>
    </message>
    <message>
        <source>Drag a card to another column to set its horizon. Dashed: from its release.</source>
        <translation>把卡片拖到另一列即可设置规划时段；虚线卡片的时段取自所属版本。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>The roadmap on a time axis (%1)</source>
        <translation>按时间轴显示路线图（%1）</translation>
    </message>
    <message>
        <source>Now / Next / Later</source>
        <translation>现在 / 接下来 / 以后</translation>
    </message>
    <message>
        <source>The roadmap by horizon, without dates (%1)</source>
        <translation>按规划时段显示路线图，不看日期（%1）</translation>
    </message>
    <message>
        <source>The roadmap could not be read: %1</source>
        <translation>无法读取路线图：%1</translation>
    </message>
    <message>
        <source>%1 starts before %2 ends, although it depends on %2</source>
        <translation>%1 在其依赖的 %2 结束前就开始了</translation>
    </message>
    <message>
        <source>%1 is planned outside the dates of release %2</source>
        <translation>%1 的排期超出了版本 %2 的日期</translation>
    </message>
    <message numerus="yes">
        <source>Scheduling problems: %n</source>
        <translation>
            <numerusform>排期问题：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Take %1 out of its lane</source>
        <translation>将 %1 移出泳道</translation>
    </message>
    <message>
        <source>Move %1 to lane %2</source>
        <translation>将 %1 移到泳道 %2</translation>
    </message>
    <message>
        <source>Move %1 to %2 – %3</source>
        <translation>将 %1 移到 %2 – %3</translation>
    </message>
    <message>
        <source>Start %1 on %2</source>
        <translation>%1 开始日期改为 %2</translation>
    </message>
    <message>
        <source>End %1 on %2</source>
        <translation>%1 结束日期改为 %2</translation>
    </message>
</context>
<context>
    <name>RoadmapQuestions</name>
    <message>
        <source>Lane colour</source>
        <translation>泳道颜色</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <source>Delete lane “%1”? Its requirements go to Unassigned.</source>
        <translation>删除泳道“%1”？其中的需求将移到“未分配”。</translation>
    </message>
</context>
<context>
    <name>RoadmapTexts</name>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配泳道</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Scheduling problem</source>
        <translation>排期问题</translation>
    </message>
    <message>
        <source>Dates from release</source>
        <translation>日期取自版本</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>未排版本</translation>
    </message>
    <message>
        <source>… {n} more rows not shown</source>
        <translation>…另有 {n} 行未显示</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{year}年{month}</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
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
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>Replace View</source>
        <translation>替换视图</translation>
    </message>
    <message>
        <source>A view named “%1” exists. Replace its filter, columns, grouping and sort with the current ones?</source>
        <translation>已有名为「%1」的视图。要用当前的筛选条件、列、分组和排序替换它吗？</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search keys, titles, descriptions, owners, tags, PRD sections…</source>
        <translation>搜索编号、标题、描述、负责人、标签、PRD 章节…</translation>
    </message>
    <message>
        <source>Open a project to search it.</source>
        <translation>打开一个项目即可搜索。</translation>
    </message>
    <message>
        <source>Indexing the project for search…</source>
        <translation>正在为搜索建立索引…</translation>
    </message>
    <message>
        <source>Search is not available now: %1</source>
        <translation>暂时无法搜索：%1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>没有与“%1”匹配的结果。</translation>
    </message>
    <message>
        <source>The best %1 matches (refine the search to see others).</source>
        <translation>最相关的 %1 条结果（细化搜索词可查看其他结果）。</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 条结果</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>用户画像</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>PRD section</source>
        <translation>PRD 章节</translation>
    </message>
    <message>
        <source>PRD section text</source>
        <translation>PRD 章节正文</translation>
    </message>
    <message>
        <source>Persona's role</source>
        <translation>用户画像的角色</translation>
    </message>
    <message>
        <source>Persona's goals and scenarios</source>
        <translation>用户画像的目标与场景</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message numerus="yes">
        <source>Changing the key prefix renumbers %n key(s): %1-1 becomes %2-1.</source>
        <translation><numerusform>修改编号前缀将重新编号 %n 条需求：%1-1 变为 %2-1。</numerusform></translation>
    </message>
    <message>
        <source>Change the key prefix</source>
        <translation>修改编号前缀</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>不属于任何版本</translation>
    </message>
    <message numerus="yes">
        <source>Release “%1” has %n requirement(s). Move them to:</source>
        <translation><numerusform>版本“%1”中有 %n 条需求，把它们移到：</numerusform></translation>
    </message>
    <message>
        <source>Delete release</source>
        <translation>删除版本</translation>
    </message>
    <message>
        <source>Delete lane “%1”? Its requirements go to Unassigned.</source>
        <translation>删除泳道“%1”？其中的需求将归入“未分配”。</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>新建泳道</translation>
    </message>
    <message>
        <source>Name of the lane (a theme or a team):</source>
        <translation>泳道名称（一个主题或一个团队）：</translation>
    </message>
    <message>
        <source>Lane colour</source>
        <translation>泳道颜色</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>选择标志</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>&amp;Merge Now</source>
        <translation>立即合并(&amp;M)</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>&amp;Show It</source>
        <translation>显示新版本(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save Now</source>
        <translation>立即保存(&amp;S)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>You undid the merge of %1's changes, which are in the saved file: saving now takes them out of it again.</source>
        <translation>你撤销了对 %1 的修改的合并，而这些修改已在保存的文件中：现在保存会把它们从文件中去掉。</translation>
    </message>
    <message>
        <source>&amp;Redo the Merge</source>
        <translation>重做合并(&amp;R)</translation>
    </message>
    <message>
        <source>Keep Undone</source>
        <translation>保持撤销</translation>
    </message>
    <message>
        <source>%1 has been replaced by an older copy (by a sync tool or a restore?); it holds nothing that is not in your version. Save puts your version, with everything in it, back.</source>
        <translation>%1 已被一个较旧的副本替换（可能是同步工具或恢复操作所致）；其中没有你的版本里没有的内容。保存即可放回你的版本及其全部内容。</translation>
    </message>
    <message>
        <source>%1 in %2 has been replaced by another project's file. Your edits are kept: Save As keeps them in another file.</source>
        <translation>%2 中的 %1 已被另一个项目的文件替换。你的修改仍然保留：用“另存为”可把它们保存到另一个文件。</translation>
    </message>
    <message>
        <source>%1 in %2 has been replaced by a damaged file or one that is not a pmdesk project. Your edits are kept: Save As keeps them in another file.</source>
        <translation>%2 中的 %1 已被一个损坏的文件或不是 pmdesk 项目的文件替换。你的修改仍然保留：用“另存为”可把它们保存到另一个文件。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>%1 saved a newer version of %2. Show it now?</source>
        <translation>%1 保存了 %2 的新版本。现在显示吗？</translation>
    </message>
    <message>
        <source>%1 saved a newer version of %2. Merge it with your work now?</source>
        <translation>%1 保存了 %2 的新版本。现在与你的工作合并吗？</translation>
    </message>
    <message>
        <source>A newer version of %1 was saved elsewhere. Merge it with your work now?</source>
        <translation>%1 已在别处保存了新版本。现在与你的工作合并吗？</translation>
    </message>
    <message>
        <source>Merging the newer version of %1…</source>
        <translation>正在合并 %1 的新版本…</translation>
    </message>
    <message>
        <source>Not merged: nothing was changed.</source>
        <translation>未合并：没有做任何更改。</translation>
    </message>
    <message>
        <source>Kept, and moved up to the place of the deleted requirement above: %1.</source>
        <translation>已保留，并上移到其上级需求（已被删除）原来的位置：%1。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Merge changes by %1</source>
        <translation>合并 %1 的修改</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Now showing the version %1 saved.</source>
        <translation>现在显示的是 %1 保存的版本。</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>正在合并 %1…</translation>
    </message>
    <message>
        <source>Merge copy %1</source>
        <translation>合并副本 %1</translation>
    </message>
    <message>
        <source>The newer version by %1 holds nothing new.</source>
        <translation>%1 保存的新版本没有新内容。</translation>
    </message>
    <message>
        <source>Merged the changes by %1; items changed: %2.</source>
        <translation>已合并 %1 的修改，共 %2 项。</translation>
    </message>
    <message>
        <source>Put back in their earlier place (their new place was deleted or moved): %1.</source>
        <translation>已放回原来的位置（其新位置已被删除或移动）：%1。</translation>
    </message>
    <message>
        <source>Not saved: %1 has a newer version to merge first.</source>
        <translation>未保存：需先合并 %1 的新版本。</translation>
    </message>
    <message>
        <source>Deleted with the requirement they belonged to: %1.</source>
        <translation>已随所属需求一同删除：%1。</translation>
    </message>
    <message>
        <source>Your new requirements were renumbered: %1.</source>
        <translation>你新建的需求已重新编号：%1。</translation>
    </message>
</context>
<context>
    <name>TraceCoverage</name>
    <message numerus="yes">
        <source>%1 of %n requirement(s) in “%3” traced (%2%)</source>
        <translation><numerusform>视图「%3」的 %n 条需求中 %1 条已追溯（%2%）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n epic(s) traced (%2%)</source>
        <translation><numerusform>%n 个史诗中 %1 个已追溯（%2%）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n feature(s) traced (%2%)</source>
        <translation><numerusform>%n 个功能中 %1 个已追溯（%2%）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n stor(y|ies) traced (%2%)</source>
        <translation><numerusform>%n 个用户故事中 %1 个已追溯（%2%）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n non-functional requirement(s) traced (%2%)</source>
        <translation><numerusform>%n 条非功能需求中 %1 条已追溯（%2%）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n requirement(s) traced (%2%)</source>
        <translation><numerusform>%n 条需求中 %1 条已追溯（%2%）</numerusform></translation>
    </message>
    <message>
        <source>Coverage: %1; %2.</source>
        <translation>覆盖率：%1；%2。</translation>
    </message>
</context>
<context>
    <name>TraceWindow</name>
    <message>
        <source>Traceability</source>
        <translation>追溯</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <source>No requirements match</source>
        <translation>没有符合条件的需求</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>无用户画像</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>No release</source>
        <translation>无版本</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>No lane</source>
        <translation>无泳道</translation>
    </message>
</context>
<context>
    <name>UnassessedList</name>
    <message>
        <source>No value and no effort yet</source>
        <translation>尚未评估价值，也未估算投入</translation>
    </message>
    <message>
        <source>No value yet</source>
        <translation>尚未评估价值</translation>
    </message>
    <message>
        <source>No effort yet</source>
        <translation>尚未估算投入</translation>
    </message>
    <message>
        <source>Drag it onto the matrix to give it a value and an effort.</source>
        <translation>把它拖到矩阵上，即可设置它的价值和投入。</translation>
    </message>
</context>
<context>
    <name>UndoLabel</name>
    <message>
        <source>Create %1 requirements</source>
        <translation>新建 %1 条需求</translation>
    </message>
    <message>
        <source>Edit %1 requirements</source>
        <translation>编辑 %1 条需求</translation>
    </message>
    <message>
        <source>Move %1 requirements</source>
        <translation>移动 %1 条需求</translation>
    </message>
    <message>
        <source>Delete %1 requirements</source>
        <translation>删除 %1 条需求</translation>
    </message>
    <message>
        <source>Restore %1 requirements</source>
        <translation>恢复 %1 条需求</translation>
    </message>
    <message>
        <source>Rename %1 requirements</source>
        <translation>重命名 %1 条需求</translation>
    </message>
    <message>
        <source>Change %1 requirements</source>
        <translation>修改 %1 条需求</translation>
    </message>
    <message>
        <source>Create %1 items</source>
        <translation>新建 %1 项</translation>
    </message>
    <message>
        <source>Edit %1 items</source>
        <translation>编辑 %1 项</translation>
    </message>
    <message>
        <source>Move %1 items</source>
        <translation>移动 %1 项</translation>
    </message>
    <message>
        <source>Delete %1 items</source>
        <translation>删除 %1 项</translation>
    </message>
    <message>
        <source>Restore %1 items</source>
        <translation>恢复 %1 项</translation>
    </message>
    <message>
        <source>Rename %1 items</source>
        <translation>重命名 %1 项</translation>
    </message>
    <message>
        <source>Change %1 items</source>
        <translation>修改 %1 项</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>新建 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>重命名 %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>release</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Mark link {name} reviewed</source>
        <translation>标记关联 {name} 为已复核</translation>
    </message>
    <message>
        <source>Mark {count} links reviewed</source>
        <translation>标记 {count} 条关联为已复核</translation>
    </message>
    <message>
        <source>Create release {name}</source>
        <translation>新建版本 {name}</translation>
    </message>
    <message>
        <source>Delete release {name}</source>
        <translation>删除版本 {name}</translation>
    </message>
    <message>
        <source>Delete release {name} and move its requirements to {other}</source>
        <translation>删除版本 {name}，需求移至 {other}</translation>
    </message>
    <message>
        <source>Restore release {name}</source>
        <translation>恢复版本 {name}</translation>
    </message>
    <message>
        <source>Rename release {name} to {new}</source>
        <translation>将版本 {name} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Move release {name} to {start} – {end}</source>
        <translation>将版本 {name} 移至 {start} – {end}</translation>
    </message>
    <message>
        <source>Set the goal of release {name}</source>
        <translation>设置版本 {name} 的目标</translation>
    </message>
    <message>
        <source>Set release {name} to {status}</source>
        <translation>将版本 {name} 设为{status}</translation>
    </message>
    <message>
        <source>Set the capacity of release {name}</source>
        <translation>设置版本 {name} 的容量</translation>
    </message>
    <message>
        <source>Reorder release {name}</source>
        <translation>调整版本 {name} 的顺序</translation>
    </message>
    <message>
        <source>Edit release {name}</source>
        <translation>编辑版本 {name}</translation>
    </message>
    <message>
        <source>Create lane {name}</source>
        <translation>新建泳道 {name}</translation>
    </message>
    <message>
        <source>Delete lane {name}</source>
        <translation>删除泳道 {name}</translation>
    </message>
    <message>
        <source>Restore lane {name}</source>
        <translation>恢复泳道 {name}</translation>
    </message>
    <message>
        <source>Rename lane {name} to {new}</source>
        <translation>将泳道 {name} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Set the colour of lane {name}</source>
        <translation>设置泳道 {name} 的颜色</translation>
    </message>
    <message>
        <source>Reorder lane {name}</source>
        <translation>调整泳道 {name} 的顺序</translation>
    </message>
    <message>
        <source>Edit lane {name}</source>
        <translation>编辑泳道 {name}</translation>
    </message>
    <message>
        <source>Create persona {name}</source>
        <translation>新建用户画像 {name}</translation>
    </message>
    <message>
        <source>Delete persona {name}</source>
        <translation>删除用户画像 {name}</translation>
    </message>
    <message>
        <source>Restore persona {name}</source>
        <translation>恢复用户画像 {name}</translation>
    </message>
    <message>
        <source>Rename persona {name} to {new}</source>
        <translation>将用户画像 {name} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Reorder persona {name}</source>
        <translation>调整用户画像 {name} 的顺序</translation>
    </message>
    <message>
        <source>Edit persona {name}</source>
        <translation>编辑用户画像 {name}</translation>
    </message>
    <message>
        <source>Set the photo of persona {name}</source>
        <translation>设置用户画像 {name} 的照片</translation>
    </message>
    <message>
        <source>Remove the photo of persona {name}</source>
        <translation>移除用户画像 {name} 的照片</translation>
    </message>
    <message>
        <source>Save view {name}</source>
        <translation>保存视图 {name}</translation>
    </message>
    <message>
        <source>Delete view {name}</source>
        <translation>删除视图 {name}</translation>
    </message>
    <message>
        <source>Restore view {name}</source>
        <translation>恢复视图 {name}</translation>
    </message>
    <message>
        <source>Rename view {name} to {new}</source>
        <translation>将视图 {name} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Reorder view {name}</source>
        <translation>调整视图 {name} 的顺序</translation>
    </message>
    <message>
        <source>Update view {name}</source>
        <translation>更新视图 {name}</translation>
    </message>
    <message>
        <source>Create custom field {name}</source>
        <translation>新建自定义字段 {name}</translation>
    </message>
    <message>
        <source>Delete custom field {name}</source>
        <translation>删除自定义字段 {name}</translation>
    </message>
    <message>
        <source>Restore custom field {name}</source>
        <translation>恢复自定义字段 {name}</translation>
    </message>
    <message>
        <source>Rename custom field {name} to {new}</source>
        <translation>将自定义字段 {name} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Reorder custom field {name}</source>
        <translation>调整自定义字段 {name} 的顺序</translation>
    </message>
    <message>
        <source>Edit custom field {name}</source>
        <translation>编辑自定义字段 {name}</translation>
    </message>
    <message>
        <source>Change the options of custom field {name}</source>
        <translation>修改自定义字段 {name} 的选项</translation>
    </message>
    <message>
        <source>Set {name} of {key}</source>
        <translation>设置 {key} 的{name}</translation>
    </message>
    <message>
        <source>Set {name} of {count} requirements</source>
        <translation>设置 {count} 条需求的{name}</translation>
    </message>
    <message>
        <source>Set custom fields of {key}</source>
        <translation>设置 {key} 的自定义字段</translation>
    </message>
    <message>
        <source>Set custom fields of {count} requirements</source>
        <translation>设置 {count} 条需求的自定义字段</translation>
    </message>
    <message>
        <source>Create milestone {name}</source>
        <translation>新建里程碑 {name}</translation>
    </message>
    <message>
        <source>Delete milestone {name}</source>
        <translation>删除里程碑 {name}</translation>
    </message>
    <message>
        <source>Restore milestone {name}</source>
        <translation>恢复里程碑 {name}</translation>
    </message>
    <message>
        <source>Rename milestone {name} to {new}</source>
        <translation>将里程碑 {name} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Move milestone {name} to {date}</source>
        <translation>将里程碑 {name} 移至 {date}</translation>
    </message>
    <message>
        <source>Link milestone {name} to release {release}</source>
        <translation>将里程碑 {name} 关联到版本 {release}</translation>
    </message>
    <message>
        <source>Unlink milestone {name} from its release</source>
        <translation>取消里程碑 {name} 与版本的关联</translation>
    </message>
    <message>
        <source>Edit milestone {name}</source>
        <translation>编辑里程碑 {name}</translation>
    </message>
    <message>
        <source>Set document title</source>
        <translation>设置文档标题</translation>
    </message>
    <message>
        <source>Set product name</source>
        <translation>设置产品名称</translation>
    </message>
    <message>
        <source>Set version</source>
        <translation>设置版本号</translation>
    </message>
    <message>
        <source>Set authors</source>
        <translation>设置作者</translation>
    </message>
    <message>
        <source>Set organisation</source>
        <translation>设置组织</translation>
    </message>
    <message>
        <source>Set document language</source>
        <translation>设置文档语言</translation>
    </message>
    <message>
        <source>Set logo</source>
        <translation>设置标志</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>移除标志</translation>
    </message>
    <message>
        <source>Set document status</source>
        <translation>设置文档状态</translation>
    </message>
    <message>
        <source>Set confidentiality</source>
        <translation>设置密级</translation>
    </message>
    <message>
        <source>Set document number</source>
        <translation>设置文档编号</translation>
    </message>
    <message>
        <source>Set reviewers</source>
        <translation>设置评审人</translation>
    </message>
    <message>
        <source>Set scoring model</source>
        <translation>设置评分模型</translation>
    </message>
    <message>
        <source>Set scoring criteria</source>
        <translation>设置评分项</translation>
    </message>
    <message>
        <source>Change key prefix to {prefix}</source>
        <translation>将编号前缀改为 {prefix}</translation>
    </message>
    <message>
        <source>Edit project properties</source>
        <translation>编辑项目属性</translation>
    </message>
    <message>
        <source>Set Kano category of {count} requirements from survey {name}</source>
        <translation>根据问卷 {name} 设置 {count} 条需求的 Kano 分类</translation>
    </message>
    <message>
        <source>Set Kano category of {key} from survey {name}</source>
        <translation>根据问卷 {name} 设置 {key} 的 Kano 分类</translation>
    </message>
    <message>
        <source>Set priority of {key} to {priority}</source>
        <translation>将 {key} 的优先级设为 {priority}</translation>
    </message>
    <message>
        <source>Set priority of {count} requirements to {priority}</source>
        <translation>将 {count} 条需求的优先级设为 {priority}</translation>
    </message>
    <message>
        <source>Move {key} to release {release}</source>
        <translation>将 {key} 移到版本 {release}</translation>
    </message>
    <message>
        <source>Move {count} requirements to release {release}</source>
        <translation>将 {count} 条需求移到版本 {release}</translation>
    </message>
    <message>
        <source>Take {key} out of its release</source>
        <translation>将 {key} 移出所在版本</translation>
    </message>
    <message>
        <source>Take {count} requirements out of their release</source>
        <translation>将 {count} 条需求移出所在版本</translation>
    </message>
    <message>
        <source>Set value and effort of {key}</source>
        <translation>设置 {key} 的价值和投入</translation>
    </message>
    <message>
        <source>Set release of {count} requirements</source>
        <translation>设置 {count} 个需求的版本</translation>
    </message>
    <message>
        <source>Set release of {key}</source>
        <translation>设置 {key} 的版本</translation>
    </message>
    <message>
        <source>Set priority of {count} requirements</source>
        <translation>设置 {count} 个需求的优先级</translation>
    </message>
    <message>
        <source>Set priority of {key}</source>
        <translation>设置 {key} 的优先级</translation>
    </message>
    <message>
        <source>Set status of {count} requirements</source>
        <translation>设置 {count} 个需求的状态</translation>
    </message>
    <message>
        <source>Set status of {key}</source>
        <translation>设置 {key} 的状态</translation>
    </message>
    <message>
        <source>Set owner of {count} requirements</source>
        <translation>设置 {count} 个需求的负责人</translation>
    </message>
    <message>
        <source>Set owner of {key}</source>
        <translation>设置 {key} 的负责人</translation>
    </message>
    <message>
        <source>Set lane of {count} requirements</source>
        <translation>设置 {count} 个需求的泳道</translation>
    </message>
    <message>
        <source>Set lane of {key}</source>
        <translation>设置 {key} 的泳道</translation>
    </message>
    <message>
        <source>Set kind of {count} requirements</source>
        <translation>设置 {count} 个需求的类型</translation>
    </message>
    <message>
        <source>Set kind of {key}</source>
        <translation>设置 {key} 的类型</translation>
    </message>
    <message>
        <source>Set Kano category of {count} requirements</source>
        <translation>设置 {count} 个需求的 Kano 分类</translation>
    </message>
    <message>
        <source>Set Kano category of {key}</source>
        <translation>设置 {key} 的 Kano 分类</translation>
    </message>
    <message>
        <source>Add tags to {count} requirements</source>
        <translation>为 {count} 个需求添加标签</translation>
    </message>
    <message>
        <source>Add tags to {key}</source>
        <translation>为 {key} 添加标签</translation>
    </message>
    <message>
        <source>Remove tags from {count} requirements</source>
        <translation>移除 {count} 个需求的标签</translation>
    </message>
    <message>
        <source>Remove tags from {key}</source>
        <translation>移除 {key} 的标签</translation>
    </message>
    <message>
        <source>Edit {count} requirements</source>
        <translation>编辑 {count} 个需求</translation>
    </message>
    <message>
        <source>Edit {key}</source>
        <translation>编辑 {key}</translation>
    </message>
</context>
<context>
    <name>ValueInput</name>
    <message>
        <source>Business value from 0 to 10: the height in View ▸ Value vs Effort</source>
        <translation>业务价值，0 到 10：即“视图 ▸ 价值与投入矩阵”中的高度</translation>
    </message>
</context>
<context>
    <name>ValueTable</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>(from the release)</source>
        <translation>（按版本推算）</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>pmdesk does not know this value: choose one</source>
        <translation>pmdesk 不认识这个值：请选择它的含义</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>&amp;Save View As…</source>
        <translation>另存为视图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Manage Views…</source>
        <translation>管理视图(&amp;M)…</translation>
    </message>
    <message>
        <source>Show &amp;All Requirements</source>
        <translation>显示全部需求(&amp;A)</translation>
    </message>
    <message>
        <source>Saved &amp;Views</source>
        <translation>已保存的视图(&amp;V)</translation>
    </message>
    <message>
        <source>Save View As</source>
        <translation>另存为视图</translation>
    </message>
    <message>
        <source>Rename View</source>
        <translation>重命名视图</translation>
    </message>
    <message>
        <source>A view named “%1” exists already.</source>
        <translation>已有名为「%1」的视图。</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Saved views: a filter with the backlog's columns, grouping and sort</source>
        <translation>已保存的视图：筛选条件，连同需求列表的列、分组和排序</translation>
    </message>
    <message>
        <source>View “%1”</source>
        <translation>视图「%1」</translation>
    </message>
    <message>
        <source>changed since it was saved</source>
        <translation>保存后已有改动</translation>
    </message>
    <message>
        <source>&amp;Update “%1”</source>
        <translation>更新「%1」(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Rename “%1”…</source>
        <translation>重命名「%1」(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete “%1”</source>
        <translation>删除「%1」(&amp;D)</translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation>还没有保存的视图</translation>
    </message>
</context>
</TS>
