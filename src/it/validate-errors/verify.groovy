def log = new File(basedir, 'build.log').text
def expected = [
    "[ERROR] src/main/isc/workflows/welcome.json:12:9: error step-target-unknown step 'Get Identity' goes to 'Send Mail', which is not a step of the definition; the run would stop there. Name an existing step (names are case-sensitive).",
    "[WARNING] src/main/isc/workflows/welcome.json:16:7: warning step-unreachable step 'Send Email' is not reachable from start 'Get Identity' in the definition; it never runs. Point a nextStep, choiceList or defaultStep at it, or delete it.",
    "[INFO] Validated 2 files, 2 workflows: 1 error, 2 warnings.",
    "isc:validate checked 2 files, 2 workflows: 1 error, 2 warnings. Fix the problems above or see docs/validate.md.",
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
def report = new File(basedir, 'target/isc/validate-report.json').text
assert report.contains('"errors": 1')
assert report.contains('"rule": "step-target-unknown"')
return true
