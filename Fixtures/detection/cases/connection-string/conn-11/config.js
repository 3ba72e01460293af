module.exports = { mongoUrl: 'mongodb://app:.KSC8v1wD6p-0I2@mongo1:27017,mongo2:27017/app?replicaSet=rs0' };
