@echo off
rem Eddy's launcher on Windows, as ./eddy is elsewhere: `eddy design [PIPELINE.json]` opens the designer;
rem `eddy run --on flink ...`, `export-flink`, `export-sql` and `fuzz-flink` use Apache Flink; every other
rem command is the headless runner (`eddy run`, `validate`, `types`, `docs`). A part is built with the Maven
rem wrapper when its jar is missing; after changing sources, `mvnw install -DskipTests` rebuilds them.
setlocal EnableExtensions
set "here=%~dp0"
set "here=%here:~0,-1%"

if "%~1"=="design" goto design
if "%~1"=="export-flink" goto flink
if "%~1"=="export-sql" goto flink
if "%~1"=="fuzz-flink" goto flink
if "%~1"=="run" for %%a in (%*) do if "%%~a"=="--on" goto flink

if not exist "%here%\engine\target\eddy-engine-cli.jar" (
  echo eddy: building the engine ^(first run^) ... 1>&2
  call "%here%\mvnw.cmd" -q -f "%here%\pom.xml" -pl engine -am -DskipTests install 1>&2 || exit /b 2
)
java -jar "%here%\engine\target\eddy-engine-cli.jar" %*
exit /b %errorlevel%

:design
if not exist "%here%\app\target\eddy-app.jar" (
  echo eddy: building the designer ^(first run^) ... 1>&2
  call "%here%\mvnw.cmd" -q -f "%here%\pom.xml" -pl app -am -DskipTests install 1>&2 || exit /b 2
)
rem The designer's arguments: everything after "design".
set "args="
:collect
shift
if "%~1"=="" goto collected
set args=%args% %1
goto collect
:collected
for /f "usebackq delims=" %%c in ("%here%\app\target\classpath.txt") do set "cp=%%c"
rem JavaFX from the class path, as the tests and the installed image run it: no module options needed.
java %EDDY_JAVA_OPTS% -Deddy.samples="%here%\samples" -cp "%here%\app\target\eddy-app.jar;%cp%" dev.eddy.app.DesignerMain%args%
exit /b %errorlevel%

:flink
if not exist "%here%\flink\target\eddy-flink-job.jar" (
  echo eddy: building the Flink bridge ^(first run^) ... 1>&2
  call "%here%\mvnw.cmd" -q -f "%here%\pom.xml" -pl flink -am -DskipTests install 1>&2 || exit /b 2
)
for /f "usebackq delims=" %%c in ("%here%\flink\target\classpath.txt") do set "cp=%%c"
java -Deddy.jobJar="%here%\flink\target\eddy-flink-job.jar" -cp "%here%\flink\target\eddy-flink-0.1.0-SNAPSHOT.jar;%cp%" dev.eddy.flink.cli.FlinkCommand %*
exit /b %errorlevel%
