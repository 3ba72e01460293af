s3 = boto3.client('s3', aws_access_key_id='AKIAINJIFO42EQE26SYM')
