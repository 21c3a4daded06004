import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
assert log.contains('Validated 3 files, 3 workflows: 0 errors, 0 warnings.')
assert log.contains("Updated 'Quickstart - Notify Ticketing' (9d1c4e2a-6b7f-4c3d-8e5a-1f2b3c4d5e6f)")
assert log.contains('check-references: 3 workflows, 1 credential object, 0 failures')

def report = new JsonSlurper().parse(new File(basedir, 'target/isc/deploy-report.json'))
def actions = report.workflows.collectEntries { [(it.name): it.action] }
assert actions == ['Quickstart - External Hook': 'created',
                   'Quickstart - Nightly Report': 'created',
                   'Quickstart - Notify Ticketing': 'updated']

// The refID that the UI created before this build survives the update.
def dump = new JsonSlurper().parse(new File(basedir, 'target/emulator-dump.json'))
def notify = dump.workflows.find { it.name == 'Quickstart - Notify Ticketing' }
def oauth = notify.definition.steps['Open Ticket'].attributes.param_oauth
assert oauth.refID == 'e3a1f0c2-5b6d-4e7f-8a9b-0c1d2e3f4a5b'
assert oauth.paramID == '4b7f2c1e-0d5a-4e8b-9a61-3c2f7d9e8a10'
assert notify.enabled == true

def references = new JsonSlurper().parse(new File(basedir, 'target/isc/references-report.json'))
assert references != null
def junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/isc-reports/TEST-isc-references.xml')).documentElement
assert junit.getAttribute('failures') == '0'
assert junit.getElementsByTagName('testcase').length == 3
return true
