import groovy.json.JsonSlurper

def emulator = context.get('emulator')
try {
    def counts = emulator.stats().counts()
    assert counts['POST /workflows'] == 3
    assert counts['PUT /workflows/{id}'] == null
    assert counts['PATCH /workflows/{id}'] == null
    assert counts['DELETE /workflows/{id}'] == null

    def report = new JsonSlurper().parse(new File(basedir, 'target/isc/deploy-report.json'))
    assert report.workflows.size() == 3
    assert report.workflows.every { it.action == 'unchanged' }

    def log = new File(basedir, 'build.log').text
    assert log.contains('3 create, 0 update, 0 unchanged')
    assert log.contains('0 create, 0 update, 3 unchanged')
} finally {
    emulator.stop()
}
return true
