import smtplib

server = smtplib.SMTP_SSL("smtp.gmail.com", 465)
server.login("alerts@acme-corp.test", "yfHJ6%sLe+9GT")
