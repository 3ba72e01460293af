const firebaseAdminKey = "AIza27OR-HEKjtMFyzcsSVO6ChwGyUPC2uCKDJE";
