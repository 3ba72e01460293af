USER_IDS = ["usr_paXaXsIyEMWloglnW80wQsld", "usr_aSyGc8QEZr5IhtodVMycdSf6"]
