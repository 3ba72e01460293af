        if password:
            # `ps` shows it, and --password suffers from the same flaw
            args += ["--password=%s" % password]
