@echo off
psexec \\fileserver -u CORP\svc_backup -p Pepper!2004- cmd /c backup.cmd
