def emulator = context.get('emulator')
try {
    def workflow = emulator.state().workflow(context.get('workflowId')).get()
    def oauth = workflow.getAsJsonObject('definition').getAsJsonObject('steps').getAsJsonObject('Open Ticket')
            .getAsJsonObject('attributes').getAsJsonObject('param_oauth')
    // The update sent the new definition and carried the live refID over.
    assert workflow.get('description').getAsString().startsWith('Opens a ticket')
    assert oauth.get('refID').getAsString() == context.get('refId')

    def log = new File(basedir, 'build.log').text
    assert log.contains("update    'Quickstart - Notify Ticketing'")
    assert log.contains('check-references: 3 workflows, 1 credential object, 0 failures')
} finally {
    emulator.stop()
}
return true
