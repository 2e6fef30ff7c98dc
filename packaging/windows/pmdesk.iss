; Inno Setup script: a per-user Windows installer for the bundle PyInstaller made
; (packaging/build_bundle.py runs it when `iscc` is on PATH). NOT built or tested on
; the Linux machines that develop pmdesk: see packaging/README.md.
;
;   iscc /DBundle=C:\build\dist\pmdesk /DVersion=0.1.0 /DOut=C:\build packaging\windows\pmdesk.iss
;
; Installs into %LOCALAPPDATA%\Programs\pmdesk without administrator rights, adds
; pmdesk to the Start menu, and opens .pmdesk files with it (its own icon; "Open
; with pmdesk"). The uninstaller removes the program, never the user's projects or
; pmdesk's data in %LOCALAPPDATA%\pmdesk.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6F2B7C1E-5D0A-4E0B-9C61-70A3D1E5B2A4}
AppName=pmdesk
AppVersion={#Version}
AppPublisher=pmdesk team
DefaultDirName={localappdata}\Programs\pmdesk
DefaultGroupName=pmdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir={#Out}
OutputBaseFilename=pmdesk-{#Version}-windows-setup
SetupIconFile=..\icons\pmdesk.ico
UninstallDisplayIcon={app}\pmdesk.exe
ChangesAssociations=yes
WizardStyle=modern
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\pmdesk"; Filename: "{app}\pmdesk.exe"; Comment: "Roadmap and PRD editor"

[Registry]
; The .pmdesk type, per user (HKCU\Software\Classes), opened by pmdesk.exe "%1".
Root: HKCU; Subkey: "Software\Classes\.pmdesk"; ValueType: string; ValueName: ""; ValueData: "pmdesk.project"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.pmdesk"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-pmdesk"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\pmdesk.project"; ValueType: string; ValueName: ""; ValueData: "pmdesk project"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\pmdesk.project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\pmdesk.exe,0"
Root: HKCU; Subkey: "Software\Classes\pmdesk.project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\pmdesk.exe"" ""%1"""

[Run]
Filename: "{app}\pmdesk.exe"; Description: "{cm:LaunchProgram,pmdesk}"; Flags: nowait postinstall skipifsilent
