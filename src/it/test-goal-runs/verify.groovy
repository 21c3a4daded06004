def log = new File(basedir, 'build.log').text
assert log.contains("Test execution ") && log.contains("of 'Quickstart - Nightly Report' (id ") && log.contains(") completed.")
assert log.contains("of 'Quickstart - Notify Ticketing' (id ")
assert log.contains("ended Failed: step 'Open Ticket' failed (ActivityTaskFailed): ")
assert log.contains('See the execution in the ISC UI for the full history.')
// A failed run is a build failure, not a crash: no stack trace.
assert !log.contains('\tat io.github.iscworkflows')
return true
