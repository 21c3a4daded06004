def emulator = context.get('emulator')
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('check-references found 1 problem in 1 of 1 workflow')
    assert log.contains("refID ${context.get('refId')} is the reference record of workflow ")
    assert log.contains('not of this workflow, so it was copied')
    assert !log.contains('\tat io.github.iscworkflows')
} finally {
    emulator.stop()
}
return true
