def log = new File(basedir, 'build.log').text

assert log.contains(': 2 create, 0 update, 0 unchanged, 0 conflict, 0 prune.')
assert log.contains(': 0 create, 0 update, 2 unchanged, 0 conflict, 0 prune.')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/isc/deploy-report.json'))
assert report.totals.unchanged == 2
assert report.totals.created == 0
assert report.workflows*.action == ['unchanged', 'unchanged']
assert report.workflows.find { it.name == 'IT External' }.enabledInSource == true
// The second run only fetches a token, finds the owner and lists the workflows.
assert report.requestCount == 3
assert log.contains('with 5 requests:')
true
