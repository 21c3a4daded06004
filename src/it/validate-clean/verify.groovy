def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] Validated 2 files, 2 workflows: 0 errors, 0 warnings.")
assert !log.contains("[ERROR]")
def report = new File(basedir, 'target/isc/validate-report.json').text
assert report.contains('"errors": 0')
assert report.contains('"warnings": 0')
return true
