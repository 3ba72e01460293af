Connection(
    conn_id="ftp_default",
    login="airflow",
    password="airflow",
)
