webhook_url = "https://discord.com/api/webhooks/948780436295803336/-ZrdFP7_8_HcTv8yNKLmTcPtzPPcDk18DuORaLf8sgDEH55Up2cOdLAlZvne4ad7h0tS"
