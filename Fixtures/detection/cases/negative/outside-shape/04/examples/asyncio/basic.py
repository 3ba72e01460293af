engine = create_async_engine(
    "postgresql+asyncpg://scott:tiger@localhost/test", echo=True
)
