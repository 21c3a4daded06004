import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
assert log.contains("Enabled 'Quickstart - Notify Ticketing'")
assert log.contains('check-references found 1 problem in 1 of 3 workflows')
assert log.contains("step 'Open Ticket', param_oauth (paramID 4b7f2c1e-0d5a-4e8b-9a61-3c2f7d9e8a10, refID none): no refID")
assert log.contains('Fix: open the workflow in the ISC UI, disable it and enable it once, then rerun mvn verify (see docs/refid.md).')
// A user mistake or tenant finding never prints a stack trace.
assert !log.contains('\tat io.github.iscworkflows')

def junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/isc-reports/TEST-isc-references.xml')).documentElement
assert junit.getAttribute('failures') == '1'
def failure = junit.getElementsByTagName('failure').item(0)
assert failure != null
assert failure.parentNode.getAttribute('name').contains('Open Ticket')
return true
