parser.add_argument('--password', default=None, help='database password')
password = args.password or getpass.getpass()
